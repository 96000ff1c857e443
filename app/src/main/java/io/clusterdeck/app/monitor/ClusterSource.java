package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.Fault;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadSecond;
import io.clusterdeck.plan.Plan;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What the live monitor needs from a running cluster. Every method may be called from any thread except the FX
 * thread; the ones that change the cluster may block until the change is done.
 */
public interface ClusterSource {

    /** The processes the cluster was planned with, and the gateway's routes. */
    Plan plan();

    List<ProcessStatus> processes();

    /** Replays the recent events to the listener, then streams new ones; the returned action unsubscribes. */
    Runnable subscribe(Consumer<ClusterEvent> listener);

    /**
     * The gateways' view of their workers ({@code GET /cluster} of each, merged), or empty when no gateway can be
     * read right now. A gateway that does not answer is left out of it.
     */
    Optional<ClusterSnapshot> snapshot();

    /**
     * The calls that entered the cluster from outside so far, as its entry (the proxy) counts them; empty when it
     * cannot be read, or when there is no proxy to tell outside calls from calls between segments.
     */
    default OptionalLong entryCalls() {
        return OptionalLong.empty();
    }

    /** The memory a process holds (its share of resident pages), or empty when it cannot be read cheaply. */
    OptionalLong heldBytes(long pid);

    /** The memory held by the process that launched the cluster and watches over it; empty when unknown. */
    default OptionalLong launcherHeldBytes() {
        return OptionalLong.empty();
    }

    /** The last lines a process wrote, oldest first. */
    List<String> logTail(String process, int lines);

    /** Streams each new line of a process's log; the returned action stops it. */
    Runnable followLog(String process, Consumer<String> listener);

    /** Causes a fault on a process; {@code ms} is the added latency for {@link Fault#LATENCY}, ignored otherwise. */
    void fault(Fault fault, String process, int ms);

    void scale(String segment, int workers);

    /** Calls a function through the cluster's entry at a constant rate until stopped, reporting every second. */
    Traffic startTraffic(String function, double perSecond, Consumer<LoadSecond> eachSecond);

    /** A running stream of calls. */
    interface Traffic {
        void stop();
    }
}
