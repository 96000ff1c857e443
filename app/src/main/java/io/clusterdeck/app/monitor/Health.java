package io.clusterdeck.app.monitor;

import io.clusterdeck.launch.ProcessState;
import java.util.Locale;

/** How a process looks on the monitor: its process state and, for a worker, the gateway's view of it combined. */
public enum Health {
    UP, STARTING, SUSPECT, UNHEALTHY, PAUSED, DOWN;

    /** The CSS pseudo-class and the word the grid shows. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param gatewayState the gateway's state for a worker (healthy, suspect, unhealthy, starting), or null for a
     *                     process the gateway does not route to, or a worker it does not know (any more)
     */
    static Health of(ProcessState process, boolean worker, String gatewayState) {
        switch (process) {
            case PAUSED:
                return PAUSED;
            case STARTING:
                return STARTING;
            case RESTARTING:
            case EXITED:
            case GAVE_UP:
                return DOWN;
            default:
                break;
        }
        if (!worker) {
            return UP;
        }
        if (gatewayState == null) {
            return STARTING;
        }
        switch (gatewayState) {
            case "healthy":
                return UP;
            case "suspect":
                return SUSPECT;
            case "unhealthy":
                return UNHEALTHY;
            default:
                return STARTING;
        }
    }
}
