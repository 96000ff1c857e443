package io.clusterdeck.app.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of a process, read from the kernel's status file where there is one (Linux). */
final class ProcessMemory {
    private static final Path PROC = Path.of("/proc");

    private ProcessMemory() {
    }

    static OptionalLong residentBytes(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try (var lines = Files.lines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst().map(ProcessMemory::kilobytes)
                    .map(kb -> OptionalLong.of(kb * 1024)).orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            // Gone, or not Linux: memory is a nice-to-have.
            return OptionalLong.empty();
        }
    }

    /** {@code VmRSS:     65432 kB} */
    static long kilobytes(String line) {
        return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
    }
}
