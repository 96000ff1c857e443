package io.clusterdeck.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive every cluster process starts from, and its upkeep. Without one for this Java and class path,
 * a short run of every role ({@link io.clusterdeck.cli.ClassDataTraining}) makes one beside a cluster that is already
 * up, at a lower priority, under a temporary name moved in place only when complete. An archive in use is marked so;
 * one no launch used for a week, and a temporary left by a launcher that was killed, are removed.
 */
final class ClassDataArchive {
    static final Duration UNUSED_FOR = Duration.ofDays(7);
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final JvmCommand jvm;
    private Process training;
    private Path temporary;

    ClassDataArchive(JvmCommand jvm) {
        this.jvm = jvm;
    }

    /** Marks the archive as used now, when there is one. */
    void markUsed() {
        var archive = jvm.archive();
        if (archive != null && Files.isRegularFile(archive)) {
            try {
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
            } catch (IOException e) {
                // Only the upkeep misses it.
            }
        }
    }

    /**
     * Starts making the archive when one is wanted; its output goes to {@code log}.
     *
     * @throws IOException when the run cannot start
     */
    synchronized void makeIfWanted(Path log) throws IOException {
        if (!jvm.archiveWanted()) {
            return;
        }
        var archive = jvm.archive();
        prune(archive.getParent());
        var into = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        var builder = new ProcessBuilder(jvm.training(into)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(ParentGuard.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        temporary = into;
        training = builder.start();
        training.onExit().thenAccept(process -> finish(process, into, archive));
    }

    private static void finish(Process process, Path into, Path archive) {
        try {
            if (process.exitValue() == 0 && Files.isRegularFile(into)) {
                Files.move(into, archive, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(into);
            }
        } catch (IOException e) {
            // A later launch tries again.
        }
    }

    /** Stops a run still making the archive and removes what it wrote. */
    synchronized void stop() {
        var making = training;
        if (making == null || !making.isAlive()) {
            return;
        }
        making.destroyForcibly();
        try {
            making.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(temporary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A later launch removes it.
        }
    }

    /** Removes archives no launch used for {@link #UNUSED_FOR} and temporaries older than {@link #ABANDONED_AFTER}. */
    static void prune(Path folder) {
        var now = Instant.now();
        try (var files = Files.list(folder)) {
            files.forEach(file -> {
                var name = file.getFileName().toString();
                if (!name.startsWith("clusterdeck-")) {
                    return;
                }
                try {
                    var age = Duration.between(Files.getLastModifiedTime(file).toInstant(), now);
                    if (name.endsWith(".tmp") && age.compareTo(ABANDONED_AFTER) > 0
                            || name.endsWith(".jsa") && age.compareTo(UNUSED_FOR) > 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // Left for the next time.
                }
            });
        } catch (IOException e) {
            // No folder, nothing to prune.
        }
    }
}
