package io.clusterdeck.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * How much memory processes hold. A process's resident set counts every page it maps, also those it shares with
 * other processes (the JVM's code, the libraries, the runtime's class archive): ten JVMs would count those pages ten
 * times over. What a process holds is therefore its proportional share (PSS, from {@code /proc/<pid>/smaps_rollup}):
 * its own pages, plus each shared page divided by the number of processes that map it, so the figures of a cluster
 * add up to the memory it takes. Where the kernel gives no share (before Linux 4.14), the resident set stands in;
 * empty where there is neither (other systems than Linux, or a process gone).
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** What one process holds, in bytes: its proportional share of resident pages. */
    public static OptionalLong heldBytes(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        var proc = Path.of("/proc", Long.toString(pid));
        var share = kilobytes(proc.resolve("smaps_rollup"), "Pss:");
        return share.isPresent() ? share : residentBytes(pid);
    }

    /** The resident set of one process, in bytes, shared pages included. */
    public static OptionalLong residentBytes(long pid) {
        return pid <= 0 ? OptionalLong.empty() : kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /** What processes hold together; empty when none could be read. */
    public static OptionalLong heldBytes(Collection<Long> pids) {
        long total = 0;
        boolean any = false;
        for (long pid : pids) {
            var bytes = heldBytes(pid);
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

    /** The figure of the line that starts with the given field ({@code "Pss:    123 kB"}), in bytes. */
    private static OptionalLong kilobytes(Path file, String field) {
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> OptionalLong.of(Long.parseLong(line.substring(field.length()).replaceAll("\\D", "")) * 1024))
                    .orElse(OptionalLong.empty());
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }
}
