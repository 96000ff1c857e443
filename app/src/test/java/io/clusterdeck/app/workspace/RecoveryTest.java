package io.clusterdeck.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Design;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    @TempDir
    Path temp;

    private final java.util.concurrent.ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aScheduledCopyIsFoundWithTheFileItCameFrom() throws Exception {
        var recovery = new Recovery(temp, executor, Duration.ZERO);
        recovery.schedule(Design.named("shop"), Path.of("shop.json"));
        flush();

        var found = recovery.find().orElseThrow();
        assertThat(found.design()).isEqualTo(Design.named("shop"));
        assertThat(found.source()).contains(Path.of("shop.json").toAbsolutePath());
    }

    @Test
    void aNewDesignIsRecoveredWithoutAFile() throws Exception {
        var recovery = new Recovery(temp, executor, Duration.ZERO);
        recovery.schedule(Design.named("draft"), null);
        flush();

        assertThat(recovery.find().orElseThrow().source()).isEmpty();
    }

    @Test
    void onlyTheLastOfQuickEditsIsWritten() throws Exception {
        var recovery = new Recovery(temp, executor, Duration.ofMillis(200));
        recovery.schedule(Design.named("first"), null);
        recovery.schedule(Design.named("second"), null);
        executor.schedule(() -> { }, 400, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);

        assertThat(recovery.find().orElseThrow().design().name()).isEqualTo("second");
    }

    @Test
    void clearingBeforeTheDelayLeavesNoCopy() throws Exception {
        var recovery = new Recovery(temp, executor, Duration.ofMillis(100));
        recovery.schedule(Design.named("shop"), null);
        recovery.clear();
        executor.schedule(() -> { }, 300, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);

        assertThat(recovery.find()).isEmpty();
    }

    private void flush() throws Exception {
        executor.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }
}
