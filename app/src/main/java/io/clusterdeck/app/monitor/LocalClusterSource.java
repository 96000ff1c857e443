package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.Fault;
import io.clusterdeck.launch.LocalCluster;
import io.clusterdeck.launch.ProcessMemory;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadSecond;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Plan;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link ClusterSource} over a cluster launched on this machine. The gateways' snapshot comes from a supplier
 * so that whoever holds the cluster's key decides how {@code /cluster} is read.
 */
public final class LocalClusterSource implements ClusterSource {
    private static final Duration LONGEST_TRAFFIC = Duration.ofHours(8);

    private final LocalCluster cluster;
    private final Supplier<Optional<ClusterSnapshot>> snapshots;
    private final Executor trafficExecutor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * @param snapshots       reads the gateways' {@code /cluster}, merged ({@link ClusterSnapshot#of(java.util.Map)});
     *                        empty when no gateway answers
     * @param trafficExecutor runs each traffic stream for as long as it lasts: give it a thread per stream
     */
    public LocalClusterSource(LocalCluster cluster, Supplier<Optional<ClusterSnapshot>> snapshots,
                              Executor trafficExecutor) {
        this.cluster = cluster;
        this.snapshots = snapshots;
        this.trafficExecutor = trafficExecutor;
    }

    @Override
    public Plan plan() {
        return cluster.plan();
    }

    @Override
    public List<ProcessStatus> processes() {
        return cluster.processes();
    }

    @Override
    public Runnable subscribe(Consumer<ClusterEvent> listener) {
        return cluster.events().subscribe(listener);
    }

    @Override
    public Optional<ClusterSnapshot> snapshot() {
        return snapshots.get();
    }

    @Override
    public OptionalLong entryCalls() {
        return cluster.plan().process(io.clusterdeck.plan.Planner.PROXY)
                .map(proxy -> EntryCounter.calls(http, proxy.url()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public OptionalLong heldBytes(long pid) {
        return ProcessMemory.heldBytes(pid);
    }

    /** This application's own: the launcher runs inside it. */
    @Override
    public OptionalLong launcherHeldBytes() {
        return ProcessMemory.heldBytes(ProcessHandle.current().pid());
    }

    @Override
    public List<String> logTail(String process, int lines) {
        return cluster.log(process).tail(lines);
    }

    @Override
    public Runnable followLog(String process, Consumer<String> listener) {
        return cluster.log(process).follow(listener);
    }

    @Override
    public void fault(Fault fault, String process, int ms) {
        cluster.fault(fault, process, ms);
    }

    @Override
    public void scale(String segment, int workers) {
        cluster.scale(segment, workers);
    }

    @Override
    public Traffic startTraffic(String function, double perSecond, Consumer<LoadSecond> eachSecond) {
        var spec = new LoadSpec(URI.create(cluster.plan().entryUrl()), List.of(new LoadSpec.Target(function, "{}")),
                perSecond, LONGEST_TRAFFIC, 256, Duration.ofSeconds(5));
        var generator = new LoadGenerator(spec);
        trafficExecutor.execute(() -> generator.run(eachSecond));
        return generator::stop;
    }
}
