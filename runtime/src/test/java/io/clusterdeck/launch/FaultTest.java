package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultTest {
    @Test
    void everyFaultIsFoundByItsWord() {
        assertThat(Fault.words()).containsExactly("kill", "stop", "pause", "resume", "unhealthy", "healthy", "latency",
                "restart");
        for (var fault : Fault.values()) {
            assertThat(Fault.of(fault.word())).isEqualTo(fault);
        }
    }

    @Test
    void anUnknownWordNamesEveryFaultThereIs() {
        assertThatThrownBy(() -> Fault.of("KILL"))
                .isInstanceOf(LaunchException.class)
                .hasMessage("unknown fault 'KILL'; expected one of kill, stop, pause, resume, unhealthy, healthy, "
                        + "latency, restart");
    }
}
