package io.clusterdeck.launch;

import java.util.List;

/** The faults a user can cause on a running process, by name, for the command line and the control channel. */
public final class Faults {
    /** Every action, in the order the help lists them. */
    public static final List<String> ACTIONS = List.of("kill", "stop", "pause", "resume", "unhealthy", "healthy",
            "latency", "restart");

    private Faults() {
    }

    static void apply(LocalCluster cluster, String action, String process, int ms) {
        switch (action) {
            case "kill" -> cluster.kill(process);
            case "stop" -> cluster.stop(process);
            case "pause" -> cluster.pause(process);
            case "resume" -> cluster.resume(process);
            case "unhealthy" -> cluster.setHealthy(process, false);
            case "healthy" -> cluster.setHealthy(process, true);
            case "latency" -> cluster.addLatency(process, ms);
            case "restart" -> cluster.restart(process);
            default -> throw new LaunchException("unknown fault '" + action + "'; expected one of " + String.join(", ", ACTIONS));
        }
    }
}
