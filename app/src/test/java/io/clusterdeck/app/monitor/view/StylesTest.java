package io.clusterdeck.app.monitor.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StylesTest {

    @Test
    void aLatencyNotKnownYetReadsAsADashNotAsZero() {
        assertThat(Styles.millis(Double.NaN)).isEqualTo("—");
    }
}
