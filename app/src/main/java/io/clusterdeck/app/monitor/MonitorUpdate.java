package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadSecond;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What reaches the live view from other threads: the cluster's events, each poll's reading, the traffic's seconds,
 * a log's lines and sentences for the user. Each waits in the view-model's inbox until a frame applies it on the FX
 * thread; these five are all there is.
 */
sealed interface MonitorUpdate {

    /** Something that happened in the cluster. */
    record Event(ClusterEvent event) implements MonitorUpdate {
    }

    /**
     * One reading of the cluster.
     *
     * @param memory     the memory each process holds, by name; empty where it could not be read
     * @param entryCalls the calls that entered the cluster so far, as its entry counts them; empty when unknown
     */
    record Poll(Instant taken, List<ProcessStatus> processes, Optional<ClusterSnapshot> snapshot,
                Map<String, OptionalLong> memory, OptionalLong launcherMemory, OptionalLong entryCalls)
            implements MonitorUpdate {
        public Poll {
            processes = List.copyOf(processes);
            memory = Map.copyOf(memory);
        }
    }

    /** One second of the traffic started from the live view, for one function. */
    record TrafficSecond(String function, LoadSecond second) implements MonitorUpdate {
    }

    /** New lines of a process's log; {@code replace} when they are its whole tail, read for a new selection. */
    record LogLines(String process, List<String> lines, boolean replace) implements MonitorUpdate {
        public LogLines {
            lines = List.copyOf(lines);
        }
    }

    /** A sentence for the user; {@code trafficFailed} when it says the traffic could not be started or stopped. */
    record Notice(String text, boolean trafficFailed) implements MonitorUpdate {
    }
}
