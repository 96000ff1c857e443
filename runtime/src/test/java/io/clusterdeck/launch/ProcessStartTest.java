package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessStartTest {
    /** The kernel counts a process's start in hundredths of a second, and the uptime it is set against too. */
    private static final Duration RESOLUTION = Duration.ofMillis(20);

    @Test
    void aProcessStartedNowStartedBetweenTheInstantsReadAroundItsStartToAHundredthOfASecond() throws Exception {
        var before = Instant.now();
        var process = new ProcessBuilder("sleep", "30").start();
        var after = Instant.now();
        try {
            var started = ProcessStart.of(process.pid()).orElseThrow();

            assertThat(started).isBetween(before.minus(RESOLUTION), after.plus(RESOLUTION));
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsNotThereHasNoStart() {
        assertThat(ProcessStart.of(Long.MAX_VALUE)).isEmpty();
    }
}
