package io.clusterdeck.app.monitor;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.Fault;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadSecond;
import io.clusterdeck.plan.FunctionRoute;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live state of a running cluster for the monitor. Events, snapshots, traffic and log lines arrive on any
 * thread into one queue; {@link #frame} drains a bounded batch of it on the FX thread a few times a second, so
 * the window's work per frame stays the same however busy the cluster is.
 */
public final class MonitorViewModel {
    /** The most queued updates one frame applies; the rest wait for the next frame. */
    public static final int MAX_UPDATES_PER_FRAME = 1_000;
    public static final int TIMELINE_CAPACITY = 2_000;
    public static final Duration TIMELINE_SPAN = Duration.ofSeconds(90);
    public static final int LOG_LINES = 1_000;
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(MonitorViewModel.class.getName());

    private final ClusterSource source;
    private final Executor executor;
    private final Plan plan;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicReference<Runnable> unfollow = new AtomicReference<>(() -> { });
    private final Map<String, ProcessRow> rowsByName = new LinkedHashMap<>();
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    private final Map<String, SegmentLoad> segmentsByName = new LinkedHashMap<>();
    private final ObservableList<SegmentLoad> segments = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<FaultSummary> faults = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens weakly to its list, so a view made per call loses its listeners.
    private final ObservableList<ProcessRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<SegmentLoad> segmentsView = FXCollections.unmodifiableObservableList(segments);
    private final ObservableList<TimelineEntry> timelineView = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<FaultSummary> faultsView = FXCollections.unmodifiableObservableList(faults);
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ReadOnlyObjectWrapper<ProcessRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ClusterMemory> memory = new ReadOnlyObjectWrapper<>(ClusterMemory.UNKNOWN);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.EPOCH);
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper lastFrameUpdates = new ReadOnlyIntegerWrapper();
    private final FaultReports reports = new FaultReports();
    private final TrafficModel traffic;
    private final SegmentLoad gatewayLoad;
    private final LoadSampler sampler;
    private Runnable unsubscribe = () -> { };
    private Instant lastPoll;
    private double entryCallsPerSecond = Double.NaN;
    private long lastEntryCalls = -1;
    private Instant lastEntryTime;
    private boolean closed;
    private boolean faultsDirty;
    private Instant lastFaultRefresh;

    /**
     * @param executor runs everything that may block: reading the cluster, faults, scaling, starting traffic
     */
    public MonitorViewModel(ClusterSource source, Executor executor) {
        this.source = source;
        this.executor = executor;
        this.plan = source.plan();
        var gateway = gatewayConfig(plan);
        for (var route : gateway.map(GatewayConfig::segments).orElse(List.of())) {
            var segment = new SegmentLoad(route.name(), route.balancing(), route.functions(), route.workers());
            segmentsByName.put(route.name(), segment);
        }
        segments.setAll(segmentsByName.values());
        traffic = new TrafficModel(gateway.map(GatewayConfig::functions).orElse(List.of()).stream()
                .filter(f -> f.access() == Access.PUBLIC).map(FunctionRoute::name).toList());
        for (var process : plan.processes()) {
            rowsByName.put(process.name(), new ProcessRow(process.name(), process.role(), process.segment()));
        }
        rows.setAll(rowsByName.values());
        int gateways = plan.gateways().size();
        gatewayLoad = gateways > 1 ? new SegmentLoad("gateways", Balancing.ROUND_ROBIN, List.of(), gateways) : null;
        sampler = new LoadSampler(rows, segmentsByName, gatewayLoad);
    }

    private static Optional<GatewayConfig> gatewayConfig(Plan plan) {
        return plan.withRole(Role.GATEWAY).stream().map(PlannedProcess::config)
                .filter(GatewayConfig.class::isInstance).map(GatewayConfig.class::cast).findFirst();
    }

    // Properties

    public Plan plan() {
        return plan;
    }

    public String designName() {
        return plan.design();
    }

    /** Every process, in start order (repository, gateway, workers by segment, proxy). */
    public ObservableList<ProcessRow> processes() {
        return rowsView;
    }

    public Optional<ProcessRow> process(String name) {
        return Optional.ofNullable(rowsByName.get(name));
    }

    public ObservableList<SegmentLoad> segments() {
        return segmentsView;
    }

    /** With several gateways, how the calls spread over them (one "worker" per gateway); empty with one. */
    public Optional<SegmentLoad> gatewayLoad() {
        return Optional.ofNullable(gatewayLoad);
    }

    /** Events of the last {@link #TIMELINE_SPAN}, oldest first, at most {@link #TIMELINE_CAPACITY}. */
    public ObservableList<TimelineEntry> timeline() {
        return timelineView;
    }

    /** What each fault cost, newest first. */
    public ObservableList<FaultSummary> faults() {
        return faultsView;
    }

    /** The selected process's last lines. */
    public ObservableList<String> log() {
        return logView;
    }

    public ReadOnlyObjectProperty<ProcessRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The latest thing to tell the user, in one sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** {@code 8 of 10 processes up · 1 paused · 1 unhealthy · 50 calls/s in}: what is not up, by what it is. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the cluster's processes hold in memory, all of them added up, as of the latest poll. */
    public ReadOnlyObjectProperty<ClusterMemory> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    /** The time of the latest frame: the right end of the timeline. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** Counts frames; views that draw live series redraw when it changes. */
    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /** How many queued updates the latest frame applied, at most {@link #MAX_UPDATES_PER_FRAME}. */
    public ReadOnlyIntegerProperty lastFrameUpdatesProperty() {
        return lastFrameUpdates.getReadOnlyProperty();
    }

    /** Updates waiting for a frame. */
    public int backlog() {
        return inbox.size();
    }

    /**
     * Calls a second entering the cluster from outside: as its proxy counts them, else as the traffic started here
     * sends them; NaN when neither is known. Calls between segments are not in it; they are in each segment's rate.
     */
    public double entryCallsPerSecond() {
        return entryCallsPerSecond;
    }

    public TrafficModel traffic() {
        return traffic;
    }

    // Commands

    /** Starts listening to the cluster's events; the first frame reads its processes. */
    public void start() {
        unsubscribe = source.subscribe(inbox::add);
    }

    /** Applies what arrived since the previous frame, at most {@link #MAX_UPDATES_PER_FRAME} updates. */
    public void frame(Instant time) {
        var added = new ArrayList<TimelineEntry>();
        var lines = new ArrayList<String>();
        boolean reportsChanged = false;
        int updates = 0;
        Object update;
        while (updates < MAX_UPDATES_PER_FRAME && (update = inbox.poll()) != null) {
            updates++;
            if (update instanceof ClusterEvent event) {
                added.add(TimelineEntry.of(event));
                reportsChanged |= applyEvent(event);
            } else if (update instanceof Poll poll) {
                applyPoll(poll);
            } else if (update instanceof TrafficSecond second) {
                traffic.second(second.function(), second.second());
            } else if (update instanceof LogLines more) {
                if (selected.get() != null && selected.get().name().equals(more.process())) {
                    if (more.replace()) {
                        lines.clear();
                        log.clear();
                    }
                    lines.addAll(more.lines());
                }
            } else if (update instanceof Notice notice) {
                message.set(notice.text());
                if (notice.trafficFailed()) {
                    traffic.failed();
                }
            }
        }
        timeline.addAll(added);
        trimTimeline(time);
        appendLog(lines);
        faultsDirty |= reportsChanged;
        if (faultsDirty && (lastFaultRefresh == null || !time.isBefore(lastFaultRefresh.plus(POLL_EVERY)))) {
            var fresh = reports.refresh(time);
            if (!fresh.equals(faults)) {
                faults.setAll(fresh);
            }
            faultsDirty = false;
            lastFaultRefresh = time;
        }
        for (var row : rows) {
            row.tick(time);
        }
        if (traffic.tick(time) && !sampler.counted()) {
            sampler.callerRates(traffic.answeredByWorker());
        }
        if (lastEntryTime == null) {
            var sent = traffic.latestProperty().get();
            entryCallsPerSecond = traffic.runningProperty().get() ? sent.ok() + sent.errors() : Double.NaN;
        }
        summary.set(summarize());
        now.set(time);
        lastFrameUpdates.set(updates);
        frames.set(frames.get() + 1);
        pollIfDue(time);
    }

    /** Shows the log of a process and follows it. */
    public void select(String name) {
        var row = rowsByName.get(name);
        if (row == null || row == selected.get()) {
            return;
        }
        unfollow.getAndSet(() -> { }).run();
        log.clear();
        selected.set(row);
        executor.execute(() -> {
            try {
                inbox.add(new LogLines(name, source.logTail(name, 200), true));
                unfollow.getAndSet(source.followLog(name, line -> inbox.add(new LogLines(name, List.of(line), false))))
                        .run();
            } catch (RuntimeException e) {
                tell("Cannot read the log of " + name, e);
            }
        });
    }

    public void kill(String process) {
        act("Kill " + process, () -> source.fault(Fault.KILL, process, 0));
    }

    public void pause(String process) {
        act("Pause " + process, () -> source.fault(Fault.PAUSE, process, 0));
    }

    public void resume(String process) {
        act("Resume " + process, () -> source.fault(Fault.RESUME, process, 0));
    }

    public void setHealthy(String worker, boolean healthy) {
        act((healthy ? "Make healthy " : "Make unhealthy ") + worker,
                () -> source.fault(healthy ? Fault.HEALTHY : Fault.UNHEALTHY, worker, 0));
    }

    public void restart(String process) {
        act("Restart " + process, () -> source.fault(Fault.RESTART, process, 0));
    }

    /** Adds ({@code +1}) or removes ({@code -1}) workers; a segment keeps at least one. */
    public void scale(String segment, int change) {
        var load = segmentsByName.get(segment);
        if (load == null) {
            return;
        }
        int target = Math.max(1, load.workersProperty().get() + change);
        if (target == load.workersProperty().get()) {
            message.set(segment + " keeps at least one worker.");
            return;
        }
        load.workers(target);
        act("Scale " + segment + " to " + target + " workers", () -> source.scale(segment, target));
    }

    public void startTraffic() {
        var problem = traffic.start(source, runningOrTold("Start traffic"),
                (function, second) -> inbox.add(new TrafficSecond(function, second)));
        if (problem != null) {
            message.set(problem);
        }
    }

    public void stopTraffic() {
        traffic.stop(runningOrTold("Stop traffic"));
    }

    /** Stops listening and stops the traffic; the cluster itself keeps running. */
    public void close() {
        closed = true;
        unsubscribe.run();
        unfollow.getAndSet(() -> { }).run();
        if (traffic.runningProperty().get()) {
            stopTraffic();
        }
    }

    // Applying updates

    private boolean applyEvent(ClusterEvent event) {
        var row = event.worker() == null ? null : rowsByName.get(event.worker());
        if (row != null) {
            row.event(event);
        }
        return reports.add(event);
    }

    private void applyPoll(Poll poll) {
        var present = new LinkedHashSet<String>();
        boolean added = false;
        for (var status : poll.processes()) {
            present.add(status.name());
            var row = rowsByName.get(status.name());
            if (row == null) {
                row = new ProcessRow(status.name(), status.role(), status.segment());
                rowsByName.put(status.name(), row);
                added = true;
            }
            row.status(status, poll.memory().getOrDefault(status.name(), OptionalLong.empty()));
        }
        if (added || rowsByName.size() != present.size()) {
            rowsByName.keySet().retainAll(present);
            var ordered = new ArrayList<>(rowsByName.values());
            ordered.sort((a, b) -> Integer.compare(a.role().ordinal(), b.role().ordinal()));
            rows.setAll(ordered);
        }
        var running = new HashMap<String, Integer>();
        for (var row : rows) {
            if (row.isWorker()) {
                running.merge(row.segment(), 1, Integer::sum);
            }
        }
        segmentsByName.forEach((name, load) -> load.workers(running.getOrDefault(name, 0)));
        memory.set(ClusterMemory.of(poll.memory().values(), poll.launcherMemory()));
        poll.snapshot().ifPresentOrElse(sampler::snapshot, sampler::silence);
        applyEntryCalls(poll.taken(), poll.entryCalls());
    }

    private void applyEntryCalls(Instant taken, OptionalLong calls) {
        if (calls.isEmpty()) {
            return;
        }
        long now = calls.getAsLong();
        if (lastEntryTime != null && now >= lastEntryCalls) {
            double seconds = Math.max(0.05, Duration.between(lastEntryTime, taken).toMillis() / 1000.0);
            entryCallsPerSecond = (now - lastEntryCalls) / seconds;
        } else if (lastEntryTime == null) {
            entryCallsPerSecond = 0;
        }
        lastEntryCalls = now;
        lastEntryTime = taken;
    }

    private void trimTimeline(Instant time) {
        var oldest = time.minus(TIMELINE_SPAN);
        int drop = Math.max(0, timeline.size() - TIMELINE_CAPACITY);
        while (drop < timeline.size() && timeline.get(drop).time().isBefore(oldest)) {
            drop++;
        }
        if (drop > 0) {
            timeline.remove(0, drop);
        }
    }

    private void appendLog(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        var kept = lines.size() > LOG_LINES ? lines.subList(lines.size() - LOG_LINES, lines.size()) : lines;
        int drop = Math.max(0, log.size() + kept.size() - LOG_LINES);
        if (drop > 0) {
            log.remove(0, drop);
        }
        log.addAll(kept);
    }

    private String summarize() {
        var byHealth = new java.util.EnumMap<Health, Integer>(Health.class);
        rows.forEach(r -> byHealth.merge(r.health(), 1, Integer::sum));
        var text = new StringBuilder().append(byHealth.getOrDefault(Health.UP, 0)).append(" of ").append(rows.size())
                .append(" processes up");
        for (var health : Health.values()) {
            if (health != Health.UP && byHealth.containsKey(health)) {
                text.append(" · ").append(byHealth.get(health)).append(' ').append(health.label());
            }
        }
        return text.append(" · ").append(Double.isNaN(entryCallsPerSecond) ? "—"
                : Long.toString(Math.round(entryCallsPerSecond))).append(" calls/s in").toString();
    }

    private void pollIfDue(Instant time) {
        if (closed || lastPoll != null && Duration.between(lastPoll, time).compareTo(POLL_EVERY) < 0
                || !polling.compareAndSet(false, true)) {
            return;
        }
        lastPoll = time;
        executor.execute(() -> {
            try {
                var statuses = source.processes();
                var memory = new HashMap<String, OptionalLong>();
                for (var status : statuses) {
                    memory.put(status.name(), status.pid() > 0 ? source.residentBytes(status.pid()) : OptionalLong.empty());
                }
                inbox.add(new Poll(time, statuses, source.snapshot(), memory, source.launcherResidentBytes(),
                        source.entryCalls()));
            } catch (RuntimeException e) {
                tell("Cannot read the cluster", e);
            } finally {
                polling.set(false);
            }
        });
    }

    private void act(String what, Runnable action) {
        message.set(what + "…");
        executor.execute(() -> {
            try {
                action.run();
                inbox.add(new Notice(what + ": done.", false));
            } catch (RuntimeException e) {
                tell(what + " failed", e);
            }
        });
    }

    private Executor runningOrTold(String what) {
        return command -> executor.execute(() -> {
            try {
                command.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed: " + e);
                LOG.log(Level.FINE, what, e);
                inbox.add(new Notice(what + " failed: " + e.getMessage(), true));
            }
        });
    }

    private void tell(String what, RuntimeException e) {
        LOG.log(Level.WARNING, what + ": " + e);
        LOG.log(Level.FINE, what, e);
        inbox.add(new Notice(what + ": " + e.getMessage(), false));
    }

    private record Poll(Instant taken, List<ProcessStatus> processes, Optional<ClusterSnapshot> snapshot,
                        Map<String, OptionalLong> memory, OptionalLong launcherMemory, OptionalLong entryCalls) {
    }

    private record TrafficSecond(String function, LoadSecond second) {
    }

    private record LogLines(String process, List<String> lines, boolean replace) {
    }

    private record Notice(String text, boolean trafficFailed) {
    }
}
