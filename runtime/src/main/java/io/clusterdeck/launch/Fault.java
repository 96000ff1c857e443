package io.clusterdeck.launch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fault a user can cause on a running process ({@link LocalCluster#fault}); its {@link #word()} names it on the
 * command line ({@code clusterdeck fault kill worker-images-2}) and on the control channel.
 */
public enum Fault {
    /** SIGKILL. */
    KILL,
    /** SIGTERM. */
    STOP,
    /** SIGSTOP: the process hangs. */
    PAUSE,
    /** SIGCONT after a pause. */
    RESUME,
    /** The worker's health flag off: it keeps running but leaves the rotation. */
    UNHEALTHY,
    /** The worker's health flag on again. */
    HEALTHY,
    /** Milliseconds added to every call the worker serves; 0 removes them. */
    LATENCY,
    /** A graceful restart, whatever the restart policy. */
    RESTART;

    /** The fault's word: {@code kill}, {@code unhealthy}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every word, in the order the help lists them. */
    public static List<String> words() {
        return Arrays.stream(values()).map(Fault::word).toList();
    }

    /** The fault a word names; an unknown word fails with every word there is. */
    public static Fault of(String word) {
        for (var fault : values()) {
            if (fault.word().equals(word)) {
                return fault;
            }
        }
        throw new LaunchException("unknown fault '" + word + "'; expected one of " + String.join(", ", words()));
    }
}
