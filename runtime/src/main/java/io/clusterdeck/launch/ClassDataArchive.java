package io.clusterdeck.launch;

import io.clusterdeck.plan.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive every cluster process starts from, and its upkeep. It has a part per role (and one for the
 * launcher), so that each process maps the classes its role loads and no others. Without one for this Java and class
 * path, a short training launch of every role ({@link io.clusterdeck.cli.ClassDataTraining}) makes one beside a
 * cluster that is already up, at a lower priority, in a temporary folder whose parts are moved in place only when
 * all are complete. An archive in use is marked so; one no launch used for a week, and a temporary folder left by a
 * launcher that was killed, are removed.
 */
public final class ClassDataArchive {
    static final Duration UNUSED_FOR = Duration.ofDays(7);
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final JvmCommand jvm;
    private Process training;
    private Path temporary;

    ClassDataArchive(JvmCommand jvm) {
        this.jvm = jvm;
    }

    /** Marks the archive's parts as used now, when there are any. */
    void markUsed() {
        for (var part : JvmCommand.parts()) {
            var archive = jvm.archive(part);
            if (archive != null && Files.isRegularFile(archive)) {
                try {
                    Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
                } catch (IOException e) {
                    // Only the upkeep misses it.
                }
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
        var launcherPart = jvm.archive(JvmCommand.LAUNCHER);
        prune(launcherPart.getParent());
        var into = launcherPart.resolveSibling(launcherPart.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.createDirectories(into);
        var builder = new ProcessBuilder(jvm.training(into)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(ParentGuard.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        temporary = into;
        training = builder.start();
        training.onExit().thenAccept(process -> finish(process, into));
    }

    /** Moves every part in place when the training made them all, then removes its folder. */
    private void finish(Process process, Path into) {
        try {
            var parts = JvmCommand.parts();
            if (process.exitValue() == 0 && parts.stream().allMatch(part -> Files.isRegularFile(made(into, part)))) {
                for (var part : parts) {
                    Files.move(made(into, part), jvm.archive(part), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            delete(into);
        } catch (IOException e) {
            // A later launch tries again.
        }
    }

    /** The roles with an archive of their own, each made from a class list one of its processes wrote. */
    public static List<Role> trainedRoles() {
        return JvmCommand.TRAINED;
    }

    /**
     * Makes a role's archive from the class list one of its processes wrote, with the Java and class path cluster
     * processes run with; the dump's output goes where this JVM's does.
     *
     * @throws IOException when the dump cannot run, fails, or takes longer than {@code timeout}
     */
    public static void dump(Path classList, Path into, Duration timeout) throws IOException, InterruptedException {
        var options = LaunchOptions.defaults();
        var dump = new ProcessBuilder(JvmCommand.dump(options.java(), options.classpath(), classList, into))
                .inheritIO().start();
        if (!dump.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            dump.destroyForcibly();
            throw new IOException("making " + into.getFileName() + " took longer than " + timeout.toSeconds() + " s");
        }
        if (dump.exitValue() != 0 || !Files.isRegularFile(into)) {
            throw new IOException("making " + into.getFileName() + " from " + classList + " failed (exit code "
                    + dump.exitValue() + ")");
        }
    }

    /** Where a process of a training launch writes the classes it loads ({@link LaunchOptions#classLists()}). */
    public static Path classList(Path folder, String process) {
        return folder.resolve(process + ".classlist");
    }

    /** Where the training writes a part of the archive: a role's ({@link Role#json()}) or the launcher's. */
    public static Path made(Path folder, String part) {
        return folder.resolve(part + ".jsa");
    }

    /** Stops a run still making the archive and removes what it wrote. */
    synchronized void stop() {
        var making = training;
        if (making == null || !making.isAlive()) {
            return;
        }
        making.descendants().forEach(ProcessHandle::destroyForcibly);
        making.destroyForcibly();
        try {
            making.waitFor(5, TimeUnit.SECONDS);
            delete(temporary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A later launch removes it.
        }
    }

    /**
     * Removes archives no launch used for {@link #UNUSED_FOR} and temporary folders older than
     * {@link #ABANDONED_AFTER}.
     */
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
                        delete(file);
                    }
                } catch (IOException e) {
                    // Left for the next time.
                }
            });
        } catch (IOException e) {
            // No folder, nothing to prune.
        }
    }

    /** Removes a file, or a folder and what it holds. */
    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (var each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
