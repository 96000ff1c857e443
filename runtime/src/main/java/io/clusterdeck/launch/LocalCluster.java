package io.clusterdeck.launch;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventLog;
import io.clusterdeck.event.EventType;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.json.RecordTrees;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.lab.WorkerSample;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import io.clusterdeck.protocol.ClusterState;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.clusterdeck.time.Threads;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A design running as real processes on this machine: started in dependency order (repository and gateway,
 * then workers and proxy), supervised, changed while running (scale, restart), and broken on demand (faults).
 * The CLI's {@code launch} and the GUI share it.
 *
 * <pre>{@code
 * try (var cluster = LocalCluster.start(design, designFile, LaunchOptions.defaults())) {
 *     cluster.events().subscribe(System.out::println);
 *     cluster.kill("worker-images-2");
 * }
 * }</pre>
 */
public final class LocalCluster implements AutoCloseable {
    private final Clock clock = Clock.SYSTEM;
    private final LaunchOptions options;
    private final RunFolder run;
    private final EventLog events = new EventLog(10_000);
    private final ProcessTable table;
    private final ScheduledExecutorService scheduler;
    private final JvmCommand jvm;
    private final Supervisor supervisor;
    private final ClassDataArchive archive;
    private final ClusterFaults faults;
    private final WorkerCalls workerCalls;
    // The launcher's calls into its cluster: made once every process is spawned, off the path to the first spawn.
    private volatile IoEngine io;
    private volatile AdminClient admin;
    private volatile Gateways gateways;
    private ControlServer control;
    private final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Path designFile;
    private volatile Design design;
    private volatile Plan plan;
    private volatile Duration timeToReady;
    private volatile Duration sinceCommand;
    private volatile boolean closed;

    private LocalCluster(Design design, Path designFile, LaunchOptions options) throws IOException {
        this.design = design;
        this.designFile = designFile;
        this.options = options;
        this.run = RunFolder.create(options.home(), design.name());
        this.table = new ProcessTable(run);
        this.scheduler = Executors.newScheduledThreadPool(1, Threads.daemon("launcher"));
        this.jvm = new JvmCommand(options);
        this.archive = new ClassDataArchive(jvm);
        this.supervisor = new Supervisor(Supervisor.jvms(run, jvm), options.backoff(), Scheduler.of(scheduler), clock,
                events::publish, table.lock());
        this.workerCalls = new WorkerCalls(table, () -> admin);
        this.faults = new ClusterFaults(table, supervisor, () -> admin, events, clock, options.grace(), this::await);
    }

    /**
     * One I/O thread for every call the launcher makes into its cluster (admin flags, events, snapshots) and for its
     * control channel; a few task threads for control requests that wait, such as a scale.
     */
    private void openClient() {
        var authorization = ClusterAuth.authorization(run.clusterKey());
        io = IoEngine.create("launcher-io", 1, 4);
        admin = new AdminClient(io.client(), authorization);
        gateways = new Gateways(() -> plan.gateways(), io.client(), io.worker().getIoThread(), authorization,
                events::publish, clock);
    }

    /**
     * Starts every process of the design's plan and waits until all are ready. On failure everything started is
     * stopped again and the exception says which process failed and shows its last lines.
     */
    public static LocalCluster start(Design design, Path designFile, LaunchOptions options) {
        return start(design, designFile, options, event -> { });
    }

    /** Starts as {@link #start(Design, Path, LaunchOptions)} does, telling {@code progress} every event meanwhile. */
    public static LocalCluster start(Design design, Path designFile, LaunchOptions options,
                                     Consumer<ClusterEvent> progress) {
        LocalCluster cluster;
        try {
            cluster = new LocalCluster(design, designFile, options);
        } catch (IOException e) {
            throw new LaunchException("cannot create the run folder under " + options.home() + ": " + e.getMessage(), e);
        }
        var following = cluster.events.subscribe(progress);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        } finally {
            following.run();
        }
    }

    // Queries

    public Plan plan() {
        return plan;
    }

    /** The design running now (a scale changes its worker counts). */
    public Design design() {
        return design;
    }

    public EventLog events() {
        return events;
    }

    public Path runFolder() {
        return run.folder();
    }

    /** From the first spawn until every process was ready and every worker healthy. */
    public Duration timeToReady() {
        return timeToReady;
    }

    /** From this JVM's start (the command, for {@code clusterdeck launch}) until every worker was healthy. */
    public Duration sinceCommand() {
        return sinceCommand;
    }

    /** The memory the cluster's processes hold now (their proportional shares of resident pages, see {@link ProcessMemory}), when the system tells it. */
    public java.util.OptionalLong heldBytes() {
        return ProcessMemory.heldBytes(processes().stream().map(ProcessStatus::pid).toList());
    }

    /** What the launcher changed on its own, such as a taken port replaced by a free one. */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    public List<ProcessStatus> processes() {
        return table.statuses();
    }

    /**
     * Every gateway's view of its workers ({@code GET /cluster}) by gateway name, in plan order; a gateway that does
     * not answer right now is left out. With replicas, each counts the calls it forwarded itself.
     */
    public Map<String, ClusterState> gatewayStates() {
        var current = gateways;
        return current == null ? Map.of() : current.states();
    }

    public ProcessStatus process(String name) {
        return table.get(name).status();
    }

    public LogBuffer log(String name) {
        return table.get(name).log;
    }

    // Faults

    /** Causes a fault on a process; {@code ms} is the added latency for {@link Fault#LATENCY}, ignored otherwise. */
    public void fault(Fault fault, String name, int ms) {
        faults.apply(fault, name, ms);
    }

    /** SIGKILL: the process dies at once; its restart policy decides what happens next. */
    public void kill(String name) {
        faults.kill(name);
    }

    /** SIGTERM: a graceful stop; its restart policy decides what happens next. */
    public void stop(String name) {
        faults.stop(name);
    }

    /** SIGSTOP: the process hangs, as a stuck worker would; the gateway's timeouts and health checks notice. */
    public void pause(String name) {
        faults.pause(name);
    }

    /** SIGCONT after a pause. */
    public void resume(String name) {
        faults.resume(name);
    }

    /** Flips the worker's health flag: an unhealthy worker keeps running but leaves the gateway's rotation. */
    public void setHealthy(String name, boolean healthy) {
        faults.setHealthy(name, healthy);
    }

    /** Adds latency to every call the worker serves (0 removes it). */
    public void addLatency(String name, int addedMs) {
        faults.addLatency(name, addedMs);
    }

    /** A graceful restart now, whatever the restart policy. */
    public void restart(String name) {
        faults.restart(name);
    }



    /**
     * The running totals of every running worker ({@code GET /profile}), for profiles; a worker that does not answer
     * is left out.
     */
    public List<WorkerSample> profileSamples() {
        return workerCalls.profileSamples();
    }

    // Changes

    /**
     * Scales a segment: new workers start and join; removed ones drain (SIGTERM: they deregister and finish their
     * calls) before they exit. Scaling down removes the workers that serve least first: down, paused or unhealthy
     * ones, then idle ones. Running processes keep their names and ports.
     */
    public void scale(String segment, int workers) {
        design.segment(segment).orElseThrow(() -> new LaunchException("unknown segment '" + segment
                + "'; segments: " + design.segments().stream().map(s -> s.name()).collect(Collectors.joining(", "))));
        int before = plan.workersOf(segment).size();
        var scaled = design.withSegment(segment, s -> s.withWorkers(WorkerCount.of(workers)));
        var newPlan = planWithPorts(scaled);
        var gatewayView = ScaleDown.seenBy(gatewayStates().values().stream().findFirst());
        List<ManagedProcess> started = new ArrayList<>();
        List<ManagedProcess> removed = new ArrayList<>();
        synchronized (table.lock()) {
            var current = table.withRoles(List.of(Role.WORKER)).stream().filter(m -> segment.equals(m.planned.segment())
                    && !m.retiring).toList();
            var leaving = new HashSet<>(ScaleDown.choose(current.stream().map(m -> ScaleDown.condition(m, gatewayView)).toList(),
                    current.size() - workers));
            for (var managed : current) {
                if (leaving.contains(managed.name)) {
                    removed.add(managed);
                }
            }
            int staying = current.size() - removed.size();
            for (var process : newPlan.workersOf(segment)) {
                if (staying < workers && !table.contains(process.name())) {
                    var managed = table.add(process);
                    supervisor.spawn(managed);
                    started.add(managed);
                    staying++;
                }
            }
            var serving = new ArrayList<PlannedProcess>();
            current.stream().filter(m -> !removed.contains(m)).forEach(m -> serving.add(m.planned));
            started.forEach(m -> serving.add(m.planned));
            design = scaled;
            plan = newPlan.withWorkers(segment, serving);
        }
        events.publish(ClusterEvent.of(clock.now(), EventType.SCALED, "launcher", null, segment,
                "from " + before + " to " + workers + " workers"
                        + (removed.isEmpty() ? "" : ", removing " + removed.stream().map(m -> m.name)
                        .collect(Collectors.joining(", ")))));
        await(started);
        awaitHealthy(started);
        removed.forEach(m -> supervisor.retire(m, options.grace()).thenRun(() -> table.forget(m)));
    }




    /** Stops everything gracefully: proxy first, then workers, then gateway and repository. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Whatever fails on the way, every process still gets stopped.
        if (control != null) {
            quietly(control::close);
        }
        if (gateways != null) {
            quietly(gateways::close);
        }
        quietly(archive::stop);
        quietly(supervisor::close);
        for (var stage : List.of(List.of(Role.PROXY), List.of(Role.WORKER), List.of(Role.GATEWAY, Role.STANDALONE),
                List.of(Role.REPOSITORY))) {
            List<CompletableFuture<Void>> stopping = table.withRoles(stage).stream()
                    .map(m -> supervisor.retire(m, options.grace())).toList();
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
        }
        scheduler.shutdownNow();
        if (io != null) {
            quietly(io::close);
        }
        run.unmarkCurrent();
        table.closeLogs();
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(LocalCluster.class.getName()).log(System.Logger.Level.WARNING, "while stopping: " + e);
        }
    }

    // Start-up

    private void startAll() {
        plan = planWithPorts(design);
        DevelopmentSecret.ensureFor(plan).ifPresent(notes::add);
        var began = clock.now();
        // Every process starts at once: workers retry their registration and bundle fetch every 100 ms until the
        // gateway and the repository answer, so no process waits for another to be ready before it starts.
        var all = new ArrayList<ManagedProcess>();
        synchronized (table.lock()) {
            for (var process : plan.processes()) {
                var managed = table.add(process);
                supervisor.spawn(managed);
                all.add(managed);
            }
        }
        openClient();
        await(all);
        if (!plan.gateways().isEmpty()) {
            gateways.follow();
            events.subscribe(workerCalls::afterGatewayRestart);
        }
        awaitHealthy(all.stream().filter(m -> m.planned.role() == Role.WORKER).toList());
        var healthy = clock.now();
        timeToReady = Duration.between(began, healthy);
        sinceCommand = Duration.between(LauncherJvm.commandStarted(), healthy);
        archive.markUsed();
        try {
            archive.makeIfWanted(run.log("class-data-archive"));
        } catch (IOException e) {
            notes.add("could not make the class-data archive, so processes start without it: " + e.getMessage());
        }
        if (!options.controlled()) {
            return;
        }
        control = ControlServer.start(this, io);
        try {
            run.markCurrent(StrictJson.write(RecordTrees.tree(Map.of("pid", ProcessHandle.current().pid(),
                    "control", control.url(), "token", control.token(), "design", design.name(),
                    "entry", plan.entryUrl()))));
        } catch (IOException e) {
            notes.add("could not write launcher.json (fault and logs commands will not find this launch): " + e.getMessage());
        }
    }



    /** The target's plan on this machine: running processes keep their ports, newcomers get free ones. */
    private Plan planWithPorts(Design target) {
        var base = new PlanOptions(DesignFiles.folderOf(designFile), Runtime.getRuntime().availableProcessors(), PlanOptions.LOOPBACK,
                Map.of(), run.clusterKey().toString());
        return Ports.plan(target, base, table.ports(), notes::add);
    }



    private void await(List<ManagedProcess> batch) {
        table.awaitReady(batch, options.readyTimeout(), clock);
    }

    /** Ready is not enough: a worker takes calls once every gateway has seen it pass a health check. */
    private void awaitHealthy(List<ManagedProcess> workers) {
        gateways.awaitHealthy(workers.stream().map(m -> m.name).collect(Collectors.toSet()), options.readyTimeout());
    }
}
