package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
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

    @Test
    void theClassPathIsMadeAbsoluteSoThatLaunchesFromAnyFolderShareOneArchive() {
        var here = Path.of("").toAbsolutePath();
        var classpath = String.join(File.pathSeparator, "runtime/target/clusterdeck.jar", "lib/../lib/a.jar", "/opt/b.jar");

        assertThat(LaunchOptions.absolute(classpath).split(File.pathSeparator)).containsExactly(
                here.resolve("runtime/target/clusterdeck.jar").toString(), here.resolve("lib/a.jar").toString(),
                Path.of("/opt/b.jar").toAbsolutePath().toString());
        assertThat(LaunchOptions.defaults().classpath().split(File.pathSeparator))
                .allMatch(entry -> Path.of(entry).isAbsolute());
    }
}
