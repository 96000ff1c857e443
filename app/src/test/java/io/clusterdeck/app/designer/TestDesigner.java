package io.clusterdeck.app.designer;

import io.clusterdeck.app.workspace.RecentFiles;
import io.clusterdeck.app.workspace.Recovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A view-model over a copy of an example design, with its recent files and recovery copy in a temp folder. */
final class TestDesigner implements AutoCloseable {
    static final Path DESIGNS = Path.of("").toAbsolutePath().getParent().resolve("designs");

    final Path folder;
    final Path file;
    final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    final Recovery recovery;
    final DesignerViewModel model;

    TestDesigner(Path folder, String example) throws IOException {
        this.folder = folder;
        this.file = Files.copy(DESIGNS.resolve(example), folder.resolve(example));
        this.recovery = new Recovery(folder.resolve("recovery"), executor, Duration.ZERO);
        this.model = new DesignerViewModel(new RecentFiles(folder.resolve("recent.txt")), recovery,
                BundleImporter.UNAVAILABLE);
        model.open(file);
    }

    static TestDesigner webshop(Path folder) throws IOException {
        return new TestDesigner(folder, "webshop.json");
    }

    /** Waits until every scheduled recovery write has run. */
    void flushRecovery() throws InterruptedException {
        try {
            executor.schedule(() -> { }, 1, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
