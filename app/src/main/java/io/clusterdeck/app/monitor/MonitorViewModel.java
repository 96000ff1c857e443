package io.clusterdeck.app.monitor;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.launch.Fault;
import io.clusterdeck.plan.FunctionRoute;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
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

    private final ClusterSource source;
    private final Plan plan;
    private final Queue<MonitorUpdate> inbox = new ConcurrentLinkedQueue<>();
    private final ClusterWork work;
    private final ProcessRows rows;
    private final Map<String, SegmentLoad> segmentsByName = new LinkedHashMap<>();
    private final ObservableList<SegmentLoad> segments = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<FaultSummary> faults = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    // Made once: an unmodifiable view listens weakly to its list, so a view made per call loses its listeners.
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
    private final EntryRate entryRate = new EntryRate();
    private boolean faultsDirty;
    private Instant lastFaultRefresh;

    /**
     * @param executor runs everything that may block: reading the cluster, faults, scaling, starting traffic
     */
    public MonitorViewModel(ClusterSource source, Executor executor) {
        this.source = source;
        this.plan = source.plan();
        this.work = new ClusterWork(source, executor, inbox::add);
        var gateway = gatewayConfig(plan);
        for (var route : gateway.map(GatewayConfig::segments).orElse(List.of())) {
            var segment = new SegmentLoad(route.name(), route.balancing(), route.functions(), route.workers());
            segmentsByName.put(route.name(), segment);
        }
        segments.setAll(segmentsByName.values());
        traffic = new TrafficModel(gateway.map(GatewayConfig::functions).orElse(List.of()).stream()
                .filter(f -> f.access() == Access.PUBLIC).map(FunctionRoute::name).toList());
        rows = new ProcessRows(plan.processes());
        int gateways = plan.gateways().size();
        gatewayLoad = gateways > 1 ? new SegmentLoad("gateways", Balancing.ROUND_ROBIN, List.of(), gateways) : null;
        sampler = new LoadSampler(rows.view(), segmentsByName, gatewayLoad);
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
        return rows.view();
    }

    public Optional<ProcessRow> process(String name) {
        return rows.row(name);
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
        return entryRate.perSecond();
    }

    public TrafficModel traffic() {
        return traffic;
    }

    // Commands

    /** Starts listening to the cluster's events; the first frame reads its processes. */
    public void start() {
        work.listen();
    }

    /** Applies what arrived since the previous frame, at most {@link #MAX_UPDATES_PER_FRAME} updates. */
    public void frame(Instant time) {
        var batch = new Batch();
        int updates = 0;
        MonitorUpdate update;
        while (updates < MAX_UPDATES_PER_FRAME && (update = inbox.poll()) != null) {
            updates++;
            apply(update, batch);
        }
        timeline.addAll(batch.added);
        trimTimeline(time);
        appendLog(batch.lines);
        faultsDirty |= batch.reportsChanged;
        // Fault reports are worked out again as often as the cluster is read, not on every event.
        if (faultsDirty && (lastFaultRefresh == null || !time.isBefore(lastFaultRefresh.plus(ClusterWork.POLL_EVERY)))) {
            var fresh = reports.refresh(time);
            if (!fresh.equals(faults)) {
                faults.setAll(fresh);
            }
            faultsDirty = false;
            lastFaultRefresh = time;
        }
        for (var row : rows.view()) {
            row.tick(time);
        }
        if (traffic.tick(time) && !sampler.counted()) {
            sampler.callerRates(traffic.answeredByWorker());
        }
        entryRate.sent(traffic);
        summary.set(summarize());
        now.set(time);
        lastFrameUpdates.set(updates);
        frames.set(frames.get() + 1);
        work.pollIfDue(time);
    }

    /** Shows the log of a process and follows it. */
    public void select(String name) {
        var row = rows.row(name).orElse(null);
        if (row == null || row == selected.get()) {
            return;
        }
        log.clear();
        selected.set(row);
        work.follow(name);
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
        var problem = traffic.start(source, work.trafficWork("Start traffic"),
                (function, second) -> inbox.add(new MonitorUpdate.TrafficSecond(function, second)));
        if (problem != null) {
            message.set(problem);
        }
    }

    public void stopTraffic() {
        traffic.stop(work.trafficWork("Stop traffic"));
    }

    /** Stops listening and stops the traffic; the cluster itself keeps running. */
    public void close() {
        work.close();
        if (traffic.runningProperty().get()) {
            stopTraffic();
        }
    }

    // Applying updates

    /** What a frame's updates add to the timeline and the log, applied together once they are all read. */
    private static final class Batch {
        final List<TimelineEntry> added = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        boolean reportsChanged;
    }

    /** One branch per kind of {@link MonitorUpdate}; the interface is sealed, so these are all there are. */
    private void apply(MonitorUpdate update, Batch batch) {
        if (update instanceof MonitorUpdate.Event e) {
            batch.added.add(TimelineEntry.of(e.event()));
            if (e.event().worker() != null) {
                rows.row(e.event().worker()).ifPresent(row -> row.event(e.event()));
            }
            batch.reportsChanged |= reports.add(e.event());
        } else if (update instanceof MonitorUpdate.Poll poll) {
            applyPoll(poll);
        } else if (update instanceof MonitorUpdate.TrafficSecond second) {
            traffic.second(second.function(), second.second());
        } else if (update instanceof MonitorUpdate.LogLines more) {
            if (selected.get() != null && selected.get().name().equals(more.process())) {
                if (more.replace()) {
                    batch.lines.clear();
                    log.clear();
                }
                batch.lines.addAll(more.lines());
            }
        } else if (update instanceof MonitorUpdate.Notice notice) {
            message.set(notice.text());
            if (notice.trafficFailed()) {
                traffic.failed();
            }
        }
    }

    private void applyPoll(MonitorUpdate.Poll poll) {
        rows.read(poll.processes(), poll.memory());
        var running = rows.workersBySegment();
        segmentsByName.forEach((name, load) -> load.workers(running.getOrDefault(name, 0)));
        memory.set(ClusterMemory.of(poll.memory().values(), poll.launcherMemory()));
        poll.snapshot().ifPresentOrElse(sampler::snapshot, sampler::silence);
        entryRate.counted(poll.taken(), poll.entryCalls());
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
        double entry = entryRate.perSecond();
        return rows.summary() + " · " + (Double.isNaN(entry) ? "—" : Long.toString(Math.round(entry))) + " calls/s in";
    }

    private void act(String what, Runnable action) {
        message.set(what + "…");
        work.act(what, action);
    }
}
