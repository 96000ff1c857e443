package io.clusterdeck.launch;

import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The command line of one runtime process: a small JVM (serial GC, small stacks and heap) running
 * {@code clusterdeck run ROLE --config FILE}, starting from its role's class-data archive. Workers, the repository and
 * standalone services compile with C1 only, which starts fastest; the gateway and the proxy, which every call
 * crosses for as long as the cluster runs, also get C2, which halves what a forwarded call costs them.
 */
final class JvmCommand {
    static final String MAIN = "io.clusterdeck.cli.ServiceRunner";
    static final String TRAINING = "io.clusterdeck.cli.ClassDataTraining";
    // A small heap to start with, grown on demand and given back when idle: most services never need much.
    // Quiet when idle: no performance-data file (nothing samples it, and its timer wakes an idle JVM twenty times a
    // second), no safepoint every second for nothing, idle monitors deflated every 10 s instead of four times a second
    // (options a later Java may drop: ignored then, not fatal). No decay of the compilers' counters: code that runs
    // twice a second (a health check) gets compiled in the end instead of staying interpreted while the cluster idles.
    // Numbers formatted as in en-US whatever the machine's locale: the same output everywhere, and String.format, which
    // the I/O library calls to name its threads, then needs no locale data (about 5% of a worker's start where the
    // locale names no country, as the C locale does).
    private static final List<String> SMALL_JVM = List.of("-XX:+UseSerialGC", "-Xss256k", "-Xms8m", "-XX:-UsePerfData",
            "-XX:-UseCounterDecay", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
            "-XX:GuaranteedSafepointInterval=0", "-XX:AsyncDeflationInterval=10000",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:+ExitOnOutOfMemoryError",
            "-Dfile.encoding=UTF-8", "-Duser.language.format=en", "-Duser.country.format=US",
            "-Djavax.management.builder.initial=" + NoPlatformMBeans.class.getName(),
            "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider", "-Dslf4j.internal.verbosity=WARN",
            "-Dorg.jboss.logging.provider=slf4j");
    // C1 only, one compiler thread: on a laptop's few cores, ten processes that start at once each compiling on two
    // threads only take turns; one thread did the same work for 5% less CPU to ready (measured on 2 cores), and
    // without dynamic compiler threads it no longer reads the cgroup's memory files before each compilation.
    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
            "-XX:-UseDynamicNumberOfCompilerThreads");
    // The gateway and the proxy keep C2 for the code every call crosses, at about ten times its usual thresholds: under
    // traffic that code passes them within seconds, while start-up, registration and health-check code stays with C1
    // (webshop, 3 launches each way: gateway and proxy 2-8 MB less resident after traffic, the same CPU to ready).
    private static final List<String> HOT_PATH = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=60000",
            "-XX:Tier4BackEdgeThreshold=400000");

    /**
     * The roles with an archive of their own, made from what one of their processes loaded in a training launch; a
     * standalone process, which runs functions as a worker does, starts from the worker's.
     */
    static final List<Role> TRAINED = List.of(Role.REPOSITORY, Role.GATEWAY, Role.WORKER, Role.PROXY);
    /** The part of the archive the launcher's own JVM starts from. */
    static final String LAUNCHER = "launcher";
    private static final List<String> PARTS = partsOf(TRAINED);

    private final LaunchOptions options;
    private final String archiveName;
    // Once every part is there it stays (a launch marks the parts it uses, and only parts unused for a week are
    // pruned): every later spawn skips looking for the files again.
    private volatile boolean archiveComplete;

    JvmCommand(LaunchOptions options) {
        this.options = options;
        this.archiveName = options.appCds() && onlyJars(options.classpath()) ? archiveNameIn(options.home().resolve("cds"),
                options.java(), options.classpath()) : null;
    }

    /**
     * The archives' common name, their folder made; null (no sharing) when the folder cannot be made. An archive only
     * serves the java and the class path it was made with: its name holds both and each jar's size and time, so
     * another runtime or a rebuilt jar gets archives of its own instead of ones the JVM would quietly refuse.
     */
    private static String archiveNameIn(Path folder, Path javaLauncher, String classpath) {
        try {
            Files.createDirectories(folder);
            var key = new StringBuilder(javaLauncher.toString()).append('\n').append(classpath);
            for (var jar : classpath.split(java.io.File.pathSeparator)) {
                var path = Path.of(jar);
                key.append('\n').append(Files.size(path)).append(' ').append(Files.getLastModifiedTime(path).toMillis());
            }
            return folder.resolve("clusterdeck-" + hash(key.toString())).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The command of a planned process.
     *
     * @throws IOException when the options name no java launcher that can run
     */
    List<String> build(PlannedProcess process, Path config) throws IOException {
        if (!Files.isExecutable(options.java())) {
            throw new IOException("there is no java launcher at " + options.java()
                    + " (cluster processes run on the Java runtime Clusterdeck itself runs on)");
        }
        var settings = new ArrayList<String>();
        settings.add("-Xmx" + process.jvm().heapMb() + "m");
        settings.addAll(sharing(partOf(process.role())));
        if (options.classLists() != null) {
            settings.add("-XX:DumpLoadedClassList=" + ClassDataArchive.classList(options.classLists(), process.name()));
        }
        settings.addAll(process.jvm().options());
        boolean hotPath = process.role() == Role.GATEWAY || process.role() == Role.PROXY;
        return java(!hotPath, settings, MAIN, List.of(process.role().json(), config.toString()));
    }

    /**
     * The command of a lean JVM for the launcher itself ({@link LauncherJvm}): made as a worker's is, with the
     * launcher's default heap, the given system properties, and the class-data archive when there is one (the
     * launcher's own classes outside it load from the jar as usual).
     */
    List<String> launcher(List<String> properties, String mainClass, List<String> args) {
        var settings = new ArrayList<>(sharing(LAUNCHER));
        settings.addAll(properties);
        return java(true, settings, mainClass, args);
    }

    /** Whether the archive should be made: one is wanted and a part of it does not exist yet. */
    boolean archiveWanted() {
        return archiveName != null && !archiveComplete();
    }

    private boolean archiveComplete() {
        if (!archiveComplete) {
            for (var part : PARTS) {
                if (!Files.isRegularFile(archive(part))) {
                    return false;
                }
            }
            archiveComplete = true;
        }
        return true;
    }

    /**
     * The command of the run that makes the archive ({@link io.clusterdeck.cli.ClassDataTraining}), writing each part
     * to {@code folder} as {@code <part>.jsa}; niced, as it runs beside a cluster that is already serving. The
     * launcher's part is the training JVM's own classes, written as it exits: the training launches a cluster as the
     * launcher does.
     */
    List<String> training(Path folder) {
        var command = new ArrayList<String>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        var launcherPart = ClassDataArchive.made(folder, LAUNCHER);
        command.addAll(java(true, List.of("-Xmx64m", "-XX:ArchiveClassesAtExit=" + launcherPart), TRAINING,
                List.of(folder.toString())));
        return command;
    }

    /**
     * The command that makes a role's archive from a class list one of its processes wrote: a static archive, holding
     * the Java runtime's classes the role loads as well as Clusterdeck's, so that the role maps only what it uses
     * instead of the runtime's whole default archive and one made for every role.
     */
    static List<String> dump(Path java, String classpath, Path classList, Path into) {
        return List.of(java.toString(), "-XX:+UseSerialGC", "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + into, "-cp", classpath);
    }

    /** The parts of the archive: each trained role's, and the launcher's. */
    static List<String> parts() {
        return PARTS;
    }

    // Plain loops, no lambdas or streams, in what builds the lean launcher's command: the JVM that `java -jar` starts
    // runs it before it spawns that one, without the archive, where the first lambda costs some 15 ms of set-up.
    private static List<String> partsOf(List<Role> trained) {
        var parts = new ArrayList<String>();
        for (var role : trained) {
            parts.add(role.json());
        }
        parts.add(LAUNCHER);
        return List.copyOf(parts);
    }

    /** The part a role starts from. */
    static String partOf(Role role) {
        return (role == Role.STANDALONE ? Role.WORKER : role).json();
    }

    /** Every JVM this launcher starts: small, C1 only unless it is a hot path, then its settings, class and arguments. */
    private List<String> java(boolean quickStart, List<String> settings, String mainClass, List<String> args) {
        var command = new ArrayList<String>();
        command.add(options.java().toString());
        command.addAll(SMALL_JVM);
        command.addAll(quickStart ? QUICK_START : HOT_PATH);
        command.addAll(settings);
        command.add("-cp");
        command.add(options.classpath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The option that maps a part of the class-data archive, once the whole archive is there. */
    private List<String> sharing(String part) {
        return archiveName != null && archiveComplete() ? List.of("-XX:SharedArchiveFile=" + archive(part)) : List.of();
    }

    /** The file of a part of the archive; null when there is no archive to share. */
    Path archive(String part) {
        return archiveName == null ? null : Path.of(archiveName + "-" + part + ".jsa");
    }

    private static boolean onlyJars(String classpath) {
        if (classpath.isBlank()) {
            return false;
        }
        for (var entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A name, not a secret: CRC-32 tells the few archives a home holds apart, and needs none of the security providers
     * a digest would set up (30-40 ms of the command's start, before it spawns the lean launcher).
     */
    private static String hash(String text) {
        var crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
