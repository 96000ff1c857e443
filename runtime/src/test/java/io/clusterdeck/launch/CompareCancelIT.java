package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.compare.Experiment;
import io.clusterdeck.compare.ExperimentSpec;
import io.clusterdeck.design.Segment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An experiment cancelled while it measures stops at once and leaves no process behind. */
@Timeout(120)
class CompareCancelIT {

    @Test
    void cancelledWhileMeasuringItStopsItsClusterAndThrows(@TempDir Path folder) throws Exception {
        var split = TestDesigns.frontAndBack();
        var merged = split.withName("front-and-back-merged").withSegments(List.of(
                Segment.named("front").withFunctions(List.of("front/page", "back/stock"))));
        // A minute each: only a cancel ends it within the test's time.
        var spec = new ExperimentSpec(20, Duration.ofSeconds(60), Duration.ZERO, 1, List.of(), 1);
        var started = new CountDownLatch(1);
        var experiment = new Experiment(spec, TestDesigns.options(folder.resolve("home")), progress -> started.countDown());
        var running = CompletableFuture.supplyAsync(() -> experiment.run(
                new Experiment.Candidate(split, TestDesigns.write(split, folder)),
                new Experiment.Candidate(merged, TestDesigns.write(merged, folder))));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        // Long enough for the first design to be up and measured.
        Thread.sleep(8_000);

        experiment.cancel();

        assertThatThrownBy(() -> running.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CancellationException.class);
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("processes left running").isEmpty();
    }
}
