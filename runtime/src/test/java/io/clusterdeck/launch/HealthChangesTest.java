package io.clusterdeck.launch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class HealthChangesTest {
    private final HealthChanges changes = new HealthChanges();

    @Test
    void aWaiterWakesWhenAWorkerIsReportedHealthyLongBeforeItsLimit() throws Exception {
        long seen = changes.seen();
        var waited = CompletableFuture.runAsync(() -> {
            try {
                changes.awaitAfter(seen, TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable, "waiter").start());

        changes.healthy();

        waited.get(60, TimeUnit.SECONDS);
        assertThat(changes.seen()).isEqualTo(seen + 1);
    }

    @Test
    void aWaiterReturnsAtOnceWhenAWorkerWasReportedSinceItLooked() throws Exception {
        long seen = changes.seen();
        changes.healthy();

        var waited = CompletableFuture.runAsync(() -> {
            try {
                changes.awaitAfter(seen, TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable, "waiter").start());

        waited.get(60, TimeUnit.SECONDS);
        assertThat(waited).isDone();
    }

    @Test
    void withoutAReportAWaiterReturnsAfterItsLimitSoTheViewIsReadAnyway() throws Exception {
        changes.awaitAfter(changes.seen(), 20);

        assertThat(changes.seen()).isZero();
    }
}
