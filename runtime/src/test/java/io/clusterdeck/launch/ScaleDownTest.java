package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleDownTest {
    private static ScaleDown.Worker healthy(int instance, long inFlight) {
        return new ScaleDown.Worker("worker-images-" + instance, instance, ProcessState.RUNNING, "healthy", inFlight);
    }

    @Test
    void anUnhealthyWorkerGoesBeforeHealthyOnesEvenWhenItIsTheOldest() {
        var workers = List.of(
                new ScaleDown.Worker("worker-images-1", 1, ProcessState.RUNNING, "unhealthy", 0),
                healthy(2, 0), healthy(3, 0), healthy(4, 0));

        assertThat(ScaleDown.choose(workers, 2)).containsExactly("worker-images-1", "worker-images-4");
    }

    @Test
    void workersThatServeNothingGoFirstDownThenPausedThenUnhealthyThenNotYetHealthy() {
        var workers = List.of(
                healthy(1, 0),
                new ScaleDown.Worker("worker-images-2", 2, ProcessState.STARTING, null, 0),
                new ScaleDown.Worker("worker-images-3", 3, ProcessState.RUNNING, "suspect", 0),
                new ScaleDown.Worker("worker-images-4", 4, ProcessState.PAUSED, "unhealthy", 1),
                new ScaleDown.Worker("worker-images-5", 5, ProcessState.RESTARTING, null, 0));

        assertThat(ScaleDown.choose(workers, 4))
                .containsExactly("worker-images-5", "worker-images-4", "worker-images-3", "worker-images-2");
    }

    @Test
    void amongHealthyWorkersIdleOnesGoBeforeBusyOnesThenTheNewest() {
        var workers = List.of(healthy(1, 0), healthy(2, 3), healthy(3, 1), healthy(4, 0));

        assertThat(ScaleDown.choose(workers, 3)).containsExactly("worker-images-4", "worker-images-1", "worker-images-3");
    }

    @Test
    void nothingGoesWhenNoWorkerHasToGo() {
        assertThat(ScaleDown.choose(List.of(healthy(1, 0)), 0)).isEmpty();
        assertThat(ScaleDown.choose(List.of(healthy(1, 0)), -2)).isEmpty();
    }
}
