package io.clusterdeck.launch;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.ServiceConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

/**
 * The folder of one launch under {@code <home>/runs/}: each process's config and log, the cluster key, and
 * {@code launcher.json} so that other commands ({@code fault}, {@code logs}) can reach the running launcher.
 * {@code <home>/runs/current} names the folder of the launch that is running.
 */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Path home;
    private final Path folder;

    private RunFolder(Path home, Path folder) {
        this.home = home;
        this.folder = folder;
    }

    static RunFolder create(Path home, String design) throws IOException {
        var folder = home.resolve("runs").resolve(design + "-" + LocalDateTime.now().format(STAMP) + "-"
                + ProcessHandle.current().pid());
        Files.createDirectories(folder.resolve("configs"));
        Files.createDirectories(folder.resolve("logs"));
        var run = new RunFolder(home, folder);
        run.writeClusterKey();
        return run;
    }

    /** The folder of the launch that is running now, if any. */
    public static Optional<Path> current(Path home) {
        var pointer = home.resolve("runs").resolve("current");
        try {
            return Files.isRegularFile(pointer) ? Optional.of(Path.of(Files.readString(pointer).strip())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path folder() {
        return folder;
    }

    Path clusterKey() {
        return clusterKeyIn(folder);
    }

    static Path clusterKeyIn(Path runFolder) {
        return runFolder.resolve("cluster.key");
    }

    Path log(String process) {
        return folder.resolve("logs").resolve(process + ".log");
    }

    /** A process's config, written whole but not forced to disk: it lives as long as the run. */
    Path writeConfig(PlannedProcess process) throws IOException {
        var file = folder.resolve("configs").resolve(process.name() + ".json");
        DesignFiles.writeWhole(file, ServiceConfigs.toJson(process.config()));
        return file;
    }

    void markCurrent(String launcherJson) throws IOException {
        DesignFiles.writeAtomically(folder.resolve("launcher.json"), launcherJson);
        DesignFiles.writeAtomically(home.resolve("runs").resolve("current"), folder + "\n");
    }

    void unmarkCurrent() {
        try {
            var pointer = home.resolve("runs").resolve("current");
            if (current(home).filter(folder::equals).isPresent()) {
                Files.deleteIfExists(pointer);
            }
        } catch (IOException e) {
            // A stale pointer is detected by its dead launcher pid.
        }
    }

    private void writeClusterKey() throws IOException {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        var file = clusterKey();
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the folder's own permissions protect it.
        }
    }
}
