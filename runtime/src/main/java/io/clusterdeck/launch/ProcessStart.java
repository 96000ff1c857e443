package io.clusterdeck.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * When a process started, to a hundredth of a second. {@link ProcessHandle.Info#startInstant()} adds the process's
 * start in clock ticks since boot to the boot time the kernel gives in whole seconds, so it reads up to a second early;
 * here the ticks are set against the system's uptime, which the kernel gives in hundredths, instead. Where there is no
 * {@code /proc} (not Linux) it is what {@link ProcessHandle} says.
 */
public final class ProcessStart {
    /** Clock ticks per second in {@code /proc/<pid>/stat}: the kernel's USER_HZ, 100 on every Linux there is. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStart() {
    }

    /** When the process started, when it is alive and the system tells it. */
    public static Optional<Instant> of(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var uptime = Files.readString(Path.of("/proc/uptime"));
            var now = Instant.now();
            // The command's name, in parentheses, may hold spaces and parentheses: fields count from the last ')'.
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double startedAfterBoot = Long.parseLong(fields[19]) / TICKS_PER_SECOND;
            double sinceBoot = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            long agoNanos = Math.round((sinceBoot - startedAfterBoot) * 1e9);
            return Optional.of(now.minusNanos(Math.max(0, agoNanos)));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant());
        }
    }
}
