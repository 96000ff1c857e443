package io.clusterdeck.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * How much memory processes hold: their resident set, as the operating system counts it. Read from
 * {@code /proc/<pid>/status}; empty where there is no such file (other systems than Linux, or a process gone).
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The resident set of one process, in bytes. */
    public static OptionalLong residentBytes(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The resident sets of processes added up; empty when none could be read. */
    public static OptionalLong residentBytes(Collection<Long> pids) {
        long total = 0;
        boolean any = false;
        for (long pid : pids) {
            var bytes = residentBytes(pid);
            if (bytes.isPresent()) {
                total += bytes.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
    }

    /** A size as people read it: {@code 540 MB}. */
    public static String shown(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GB" : Math.round(bytes / 1048576.0) + " MB";
    }
}
