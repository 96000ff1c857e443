package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private final String before = System.getProperty(LaunchOptions.CDS_PROPERTY);

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(LaunchOptions.CDS_PROPERTY);
        } else {
            System.setProperty(LaunchOptions.CDS_PROPERTY, before);
        }
    }

    @Test
    void theArchiveIsOnUnlessThePropertySaysFalse() {
        System.clearProperty(LaunchOptions.CDS_PROPERTY);
        var unset = LaunchOptions.defaults().appCds();
        System.setProperty(LaunchOptions.CDS_PROPERTY, "true");
        var setTrue = LaunchOptions.defaults().appCds();
        System.setProperty(LaunchOptions.CDS_PROPERTY, " FALSE ");
        var setFalse = LaunchOptions.defaults().appCds();

        assertThat(unset).isTrue();
        assertThat(setTrue).isTrue();
        assertThat(setFalse).isFalse();
    }

    @Test
    void aCommandCanTurnTheArchiveOffButNotBackOnAgainstTheProperty() {
        System.setProperty(LaunchOptions.CDS_PROPERTY, "false");
        var offByProperty = LaunchOptions.defaults();
        System.clearProperty(LaunchOptions.CDS_PROPERTY);
        var on = LaunchOptions.defaults();

        assertThat(offByProperty.withAppCdsIf(true).appCds()).isFalse();
        assertThat(on.withAppCdsIf(true).appCds()).isTrue();
        assertThat(on.withAppCdsIf(false).appCds()).isFalse();
    }
}
