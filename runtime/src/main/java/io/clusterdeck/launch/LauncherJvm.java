package io.clusterdeck.launch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import sun.misc.Signal;

/**
 * The JVM {@code clusterdeck launch} runs in. {@code java -jar} cannot choose JVM options, and a JVM with the defaults
 * spends more than twice the CPU of a cluster process getting a launch going (two compilers, every class read from
 * the jar) while ten processes it started need the same two cores. So the command starts the launch again in a JVM
 * made as a cluster process is made ({@link JvmCommand#launcher}: C1 only, serial GC, the shared class-data archive)
 * and waits for it: its output goes straight to the terminal, Ctrl-C and SIGTERM reach it, its exit code is the
 * command's, and it stops its cluster when the command is killed in any way ({@link ParentGuard}).
 */
public final class LauncherJvm {
    /** On the lean JVM's command line: the pid of the command that started it. */
    static final String COMMAND_PID_PROPERTY = "clusterdeck.command.pid";
    private static final String PROPERTY_PREFIX = "clusterdeck.";

    private LauncherJvm() {
    }

    /** Whether this JVM is the lean one a command started. */
    public static boolean isLean() {
        return System.getProperty(COMMAND_PID_PROPERTY) != null;
    }

    /** When the user's command started: the command that started this lean JVM, or this JVM. */
    public static Instant commandStarted() {
        long pid = ProcessHandle.current().pid();
        try {
            pid = Long.parseLong(System.getProperty(COMMAND_PID_PROPERTY, Long.toString(pid)));
        } catch (NumberFormatException e) {
            // This JVM's own start, then.
        }
        return ProcessStart.of(pid).or(() -> ProcessStart.of(ProcessHandle.current().pid())).orElseGet(Instant::now);
    }

    /**
     * Runs {@code mainClass} with {@code args} in a lean JVM and waits for it; its exit code, or nothing when it could
     * not start (the caller then runs the command itself). The system properties under {@code clusterdeck.} are passed
     * on; without {@code appCds} the lean JVM starts without the class-data archive too.
     */
    public static OptionalInt run(String mainClass, String[] args, boolean appCds) {
        var options = LaunchOptions.defaults().withAppCdsIf(appCds);
        var properties = new ArrayList<String>();
        // A loop: this JVM has no class-data archive, and a first lambda would cost it 15 ms before the spawn.
        for (var name : new java.util.TreeSet<>(System.getProperties().stringPropertyNames())) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                properties.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        properties.add("-D" + COMMAND_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        Process lean;
        try {
            var builder = new ProcessBuilder(new JvmCommand(options).launcher(properties, mainClass, List.of(args)))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            // Its standard input is a pipe only this JVM holds: it reaches end-of-file however this JVM ends.
            builder.environment().put(ParentGuard.PARENT_PID_ENV, Long.toString(ProcessHandle.current().pid()));
            lean = builder.start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // Ctrl-C reaches both JVMs (they share the terminal's process group); a signal sent to this one alone is passed
        // on. Either way the lean JVM stops its cluster gracefully and this one waits for it.
        for (var name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> lean.destroy());
            } catch (IllegalArgumentException e) {
                // A signal this JVM may not handle (SIGHUP under nohup, say) reaches the lean JVM alone, if at all.
            }
        }
        while (true) {
            try {
                return OptionalInt.of(lean.waitFor());
            } catch (InterruptedException e) {
                lean.destroy();
            }
        }
    }
}
