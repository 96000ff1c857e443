package io.clusterdeck.launch;

import java.util.Locale;

/** Where a launched process is in its life. */
public enum ProcessState {
    /** Spawned, not yet ready. */
    STARTING,
    /** Ready: listening, and for a worker registered with the gateway. */
    RUNNING,
    /** Stopped with SIGSTOP; resumes with SIGCONT. */
    PAUSED,
    /** Exited; waiting for its restart. */
    RESTARTING,
    /** Exited and stays down (restart policy, or it was stopped on purpose). */
    EXITED,
    /** Exited too often in a short time: not restarted any more. */
    GAVE_UP;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
