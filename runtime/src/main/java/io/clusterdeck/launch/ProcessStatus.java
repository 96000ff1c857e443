package io.clusterdeck.launch;

import io.clusterdeck.plan.Role;
import java.time.Instant;

/**
 * A snapshot of one launched process.
 *
 * @param pid       the current process id, or -1 when it is not running
 * @param startedAt when the current process was spawned, or null
 * @param restarts  how often it was restarted in this launch
 * @param lastExit  how it last exited ("exit code 0", "killed by SIGKILL"), or null
 */
public record ProcessStatus(String name, Role role, String segment, long pid, String url, ProcessState state,
                            Instant startedAt, int restarts, String lastExit) {
}
