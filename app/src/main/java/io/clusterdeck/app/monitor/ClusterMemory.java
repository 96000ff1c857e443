package io.clusterdeck.app.monitor;

import io.clusterdeck.launch.ProcessMemory;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * The memory a cluster's processes hold at one poll (their shares of resident pages added up, see ProcessMemory), and what the process that
 * launched them holds beside them.
 *
 * @param bytes         what the processes that could be read hold, added up; 0 when none could
 * @param processes     how many processes were read
 * @param launcherBytes what the launcher holds, empty when it is not this machine's to read
 */
public record ClusterMemory(long bytes, int processes, OptionalLong launcherBytes) {
    public static final ClusterMemory UNKNOWN = new ClusterMemory(0, 0, OptionalLong.empty());

    public ClusterMemory {
        if (bytes < 0 || processes < 0) {
            throw new IllegalArgumentException("cluster memory: bytes and processes must be >= 0, were " + bytes
                    + " and " + processes);
        }
    }

    /** Adds up what could be read of each process; a process whose memory cannot be read is left out. */
    static ClusterMemory of(Collection<OptionalLong> perProcess, OptionalLong launcherBytes) {
        long total = 0;
        int read = 0;
        for (var bytes : perProcess) {
            if (bytes.isPresent()) {
                total += bytes.getAsLong();
                read++;
            }
        }
        return new ClusterMemory(total, read, launcherBytes);
    }

    public boolean known() {
        return processes > 0;
    }

    /** {@code 47 processes hold 2810 MB · this app 320 MB}; empty when nothing could be read. */
    public String text() {
        if (!known()) {
            return "";
        }
        var text = processes + (processes == 1 ? " process holds " : " processes hold ") + ProcessMemory.shown(bytes);
        return launcherBytes.isPresent() ? text + " · this app " + ProcessMemory.shown(launcherBytes.getAsLong()) : text;
    }
}
