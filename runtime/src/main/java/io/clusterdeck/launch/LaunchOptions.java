package io.clusterdeck.launch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How the launcher starts processes.
 *
 * @param home         folder holding run folders ({@code runs/}); {@code ~/.clusterdeck} unless the system
 *                     property {@code clusterdeck.home} says otherwise
 * @param java         the java executable children run with: the one of the Java runtime this JVM runs on, which
 *                     for an installed Clusterdeck is the runtime it ships, never a {@code java} on the PATH
 * @param classpath    the class path children run with: the jar named by {@code clusterdeck.jar} (the installed
 *                     launchers set it), else the one this JVM runs with
 * @param appCds       whether to share a class-data archive between runs, for faster start
 * @param readyTimeout how long a process may take to say it is ready before the launch fails
 * @param grace        how long a stopping process may take after SIGTERM before it is killed
 * @param backoff      restart delays and crash-loop detection
 * @param controlled   whether the launch is the one `clusterdeck status`, `fault`, `scale` and `profile` act on:
 *                     it opens a control channel and names itself in {@code <home>/runs/current}. An experiment's
 *                     launches are not, so that they never hide the user's own.
 * @param classLists   null, or the folder where each process writes the classes it loads, one
 *                     {@code <process>.classlist} each: the class-data archive's training launch
 *                     ({@link ClassDataArchive}) makes each role's archive from them
 */
public record LaunchOptions(Path home, Path java, String classpath, boolean appCds, Duration readyTimeout,
                            Duration grace, Backoff backoff, boolean controlled, Path classLists) {
    public LaunchOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** Options of a launch that is controlled, as most are, and records no classes. */
    public LaunchOptions(Path home, Path java, String classpath, boolean appCds, Duration readyTimeout, Duration grace,
                         Backoff backoff) {
        this(home, java, classpath, appCds, readyTimeout, grace, backoff, true, null);
    }

    /** The system property naming the runtime jar children run; the installed launchers set it. */
    public static final String JAR_PROPERTY = "clusterdeck.jar";

    /** The system property that, set to {@code false}, keeps class-data archives out of every launch. */
    public static final String CDS_PROPERTY = "clusterdeck.cds";

    /**
     * The defaults: this JVM's own java ({@link #runtimeJava()}), AppCDS on unless the system property
     * {@value #CDS_PROPERTY} is {@code false}, 60 s to get ready, 5 s to stop, and as class path the jar named by the
     * system property {@value #JAR_PROPERTY} when it exists, else this JVM's own class path.
     */
    public static LaunchOptions defaults() {
        var jar = System.getProperty(JAR_PROPERTY);
        var named = jar != null && Files.isRegularFile(Path.of(jar)) ? jar : System.getProperty("java.class.path");
        var classpath = absolute(named);
        var appCds = !"false".equalsIgnoreCase(System.getProperty(CDS_PROPERTY, "true").trim());
        return new LaunchOptions(defaultHome(), runtimeJava(), classpath, appCds, Duration.ofSeconds(60),
                Duration.ofSeconds(5), Backoff.DEFAULT);
    }

    /**
     * A class path with each entry made absolute: the processes a launch starts find their jars whatever folder they
     * run in, and the class-data archive, whose name holds the class path, serves launches from any folder (with a
     * relative path, {@code java -jar runtime/target/clusterdeck.jar} and the same jar named from another folder made
     * an archive each).
     */
    static String absolute(String classpath) {
        if (classpath == null || classpath.isBlank()) {
            return classpath;
        }
        var entries = new StringJoiner(File.pathSeparator);
        for (var entry : classpath.split(File.pathSeparator)) {
            try {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            } catch (InvalidPathException notAPath) {
                entries.add(entry);
            }
        }
        return entries.toString();
    }

    /** These options with the archive off when {@code wanted} is false; on only if it already was. */
    public LaunchOptions withAppCdsIf(boolean wanted) {
        return withAppCds(appCds && wanted);
    }

    /**
     * The java launcher of the Java runtime this JVM runs on ({@code java.home}): a JDK's, or the trimmed runtime an
     * installed Clusterdeck carries. Children run exactly the Java the launcher runs, whatever the PATH holds.
     */
    public static Path runtimeJava() {
        var windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** The system property that moves Clusterdeck's folder away from {@code ~/.clusterdeck}. */
    public static final String HOME_PROPERTY = "clusterdeck.home";

    /** Clusterdeck's folder: the one {@value #HOME_PROPERTY} names, or {@code ~/.clusterdeck}. */
    public static Path defaultHome() {
        var home = System.getProperty(HOME_PROPERTY);
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".clusterdeck");
    }

    public LaunchOptions withHome(Path newHome) {
        return new LaunchOptions(newHome, java, classpath, appCds, readyTimeout, grace, backoff, controlled, classLists);
    }

    public LaunchOptions withAppCds(boolean newAppCds) {
        return new LaunchOptions(home, java, classpath, newAppCds, readyTimeout, grace, backoff, controlled, classLists);
    }

    public LaunchOptions withClasspath(String newClasspath) {
        return new LaunchOptions(home, java, newClasspath, appCds, readyTimeout, grace, backoff, controlled, classLists);
    }

    public LaunchOptions withBackoff(Backoff newBackoff) {
        return new LaunchOptions(home, java, classpath, appCds, readyTimeout, grace, newBackoff, controlled, classLists);
    }

    public LaunchOptions withControl(boolean newControlled) {
        return new LaunchOptions(home, java, classpath, appCds, readyTimeout, grace, backoff, newControlled, classLists);
    }

    public LaunchOptions withClassLists(Path newClassLists) {
        return new LaunchOptions(home, java, classpath, appCds, readyTimeout, grace, backoff, controlled, newClassLists);
    }
}
