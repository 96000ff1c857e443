package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.Fault;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadSecond;
import io.clusterdeck.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A cluster whose processes, snapshots, events and logs a test scripts; it records the commands it is given. */
final class ScriptedCluster implements ClusterSource {
    private final Plan plan;
    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<ClusterEvent> published = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Consumer<String>>> logFollowers = new LinkedHashMap<>();
    final Map<String, Consumer<LoadSecond>> traffic = new LinkedHashMap<>();
    final Map<String, Double> trafficRates = new LinkedHashMap<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    volatile List<ProcessStatus> processes = List.of();
    volatile ClusterSnapshot snapshot;
    /** Whether the gateway answers for its snapshot; while it does not, the last one is unknown too. */
    volatile boolean gatewayAnswers = true;
    /** Calls the entry finished so far; negative when it cannot be read. */
    volatile long entryCalls = -1;
    volatile RuntimeException failure;

    ScriptedCluster(Plan plan) {
        this.plan = plan;
    }

    void publish(ClusterEvent event) {
        published.add(event);
        listeners.forEach(l -> l.accept(event));
    }

    int listeners() {
        return listeners.size();
    }

    void logLine(String process, String line) {
        logFollowers.getOrDefault(process, List.of()).forEach(l -> l.accept(line));
    }

    @Override
    public Plan plan() {
        return plan;
    }

    @Override
    public List<ProcessStatus> processes() {
        return processes;
    }

    @Override
    public Runnable subscribe(Consumer<ClusterEvent> listener) {
        published.forEach(listener);
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<ClusterSnapshot> snapshot() {
        return gatewayAnswers ? Optional.ofNullable(snapshot) : Optional.empty();
    }

    @Override
    public OptionalLong entryCalls() {
        return entryCalls < 0 ? OptionalLong.empty() : OptionalLong.of(entryCalls);
    }

    @Override
    public OptionalLong heldBytes(long pid) {
        return pid > 0 ? OptionalLong.of((60 + pid % 40) * 1024L * 1024L) : OptionalLong.empty();
    }

    @Override
    public List<String> logTail(String process, int lines) {
        var tail = new ArrayList<String>();
        tail.add("[" + process + "] started");
        tail.add("[" + process + "] listening");
        return tail;
    }

    @Override
    public Runnable followLog(String process, Consumer<String> listener) {
        logFollowers.computeIfAbsent(process, p -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> logFollowers.get(process).remove(listener);
    }

    @Override
    public void fault(Fault fault, String process, int ms) {
        command(fault.word() + " " + process + (fault == Fault.LATENCY ? " " + ms : ""));
    }

    @Override
    public void scale(String segment, int workers) {
        command("scale " + segment + " " + workers);
    }

    @Override
    public Traffic startTraffic(String function, double perSecond, Consumer<LoadSecond> eachSecond) {
        command("traffic " + function);
        synchronized (traffic) {
            traffic.put(function, eachSecond);
            trafficRates.put(function, perSecond);
        }
        return () -> {
            synchronized (traffic) {
                traffic.remove(function);
            }
            commands.add("stop traffic " + function);
        };
    }

    void second(String function, LoadSecond second) {
        Consumer<LoadSecond> sink;
        synchronized (traffic) {
            sink = traffic.get(function);
        }
        if (sink != null) {
            sink.accept(second);
        }
    }

    private void command(String command) {
        commands.add(command);
        if (failure != null) {
            throw failure;
        }
    }
}
