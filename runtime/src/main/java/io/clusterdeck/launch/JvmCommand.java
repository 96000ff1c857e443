package io.clusterdeck.launch;

import io.clusterdeck.plan.PlannedProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The command line of one runtime process: a small, quick-starting JVM (tiered level 1, serial GC, small stacks
 * and heap) running {@code clusterdeck run ROLE --config FILE}, sharing a class-data archive across runs.
 */
final class JvmCommand {
    static final String MAIN = "io.clusterdeck.cli.Main";
    private static final List<String> SMALL_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss256k", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final LaunchOptions options;
    private final Path archive;

    JvmCommand(LaunchOptions options) {
        this.options = options;
        this.archive = options.appCds() && onlyJars(options.classpath()) ? archiveIn(options.home().resolve("cds"),
                options.java() + java.io.File.pathSeparator + options.classpath()) : null;
    }

    /** The archive's file, its folder made; null (no sharing) when the folder cannot be made. */
    private static Path archiveIn(Path folder, String javaAndClasspath) {
        try {
            Files.createDirectories(folder);
            // An archive only serves the same java and class path: name it for both.
            return folder.resolve("clusterdeck-" + hash(javaAndClasspath) + ".jsa");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The command; {@code dumpArchive} makes this process write the class-data archive when it exits.
     *
     * @throws IOException when the options name no java launcher that can run
     */
    List<String> build(PlannedProcess process, Path config, boolean dumpArchive) throws IOException {
        if (!Files.isExecutable(options.java())) {
            throw new IOException("there is no java launcher at " + options.java()
                    + " (cluster processes run on the Java runtime Clusterdeck itself runs on)");
        }
        var command = new ArrayList<String>();
        command.add(options.java().toString());
        command.addAll(SMALL_JVM);
        command.add("-Xmx" + process.jvm().heapMb() + "m");
        if (archive != null && Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else if (archive != null && dumpArchive) {
            command.add("-XX:ArchiveClassesAtExit=" + archive);
        }
        command.addAll(process.jvm().options());
        command.add("-cp");
        command.add(options.classpath());
        command.add(MAIN);
        command.add("run");
        command.add(process.role().json());
        command.add("--config");
        command.add(config.toString());
        return command;
    }

    /** Whether a process may write the archive: one is wanted and none exists yet. */
    boolean archiveWanted() {
        return archive != null && !Files.isRegularFile(archive);
    }

    Path archive() {
        return archive;
    }

    private static boolean onlyJars(String classpath) {
        return !classpath.isBlank() && Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)));
    }

    private static String hash(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
