package io.clusterdeck.cli;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.FailoverReport;
import io.clusterdeck.launch.LaunchException;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.launch.LauncherJvm;
import io.clusterdeck.launch.LocalCluster;
import io.clusterdeck.launch.ParentGuard;
import io.clusterdeck.launch.ProcessMemory;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.plan.PlanTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code clusterdeck launch DESIGN}: runs a design as real processes until Ctrl-C. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Run a design as real processes on this machine: repository, gateway, workers and proxy.",
                "Waits until all are ready, prints them, then streams cluster events until Ctrl-C, which stops"
                        + " everything gracefully. While it runs, `clusterdeck fault`, `scale`, `logs` and `status`"
                        + " reach it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped with Ctrl-C", "1:the design has problems, or a process failed to start",
                "2:usage error, such as a missing file"})
final class LaunchCommand implements Callable<Integer> {
    static final String NO_CDS = "--no-cds";
    static final String EXIT_WHEN_READY = "--exit-when-ready";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DESIGN", description = "A design file (.json).")
    Path design;

    @Option(names = NO_CDS, description = "Do not share a class-data archive between runs (slower start).")
    boolean noCds;

    @Option(names = EXIT_WHEN_READY, hidden = true, description = "Stop again as soon as everything is ready.")
    boolean exitWhenReady;

    /**
     * A launch read straight from arguments of the plain form {@code launch DESIGN [--no-cds] [--exit-when-ready]},
     * options in any order; empty for any other form (help, an unknown option, a missing design), which the command
     * line reads and reports as usual. A launch's JVM reads its command this way: modelling the command line costs
     * more than a tenth of a second before the first process can start.
     */
    static Optional<LaunchCommand> plain(String[] args) {
        if (args.length < 2 || !args[0].equals("launch")) {
            return Optional.empty();
        }
        var command = new LaunchCommand();
        for (var arg : Arrays.asList(args).subList(1, args.length)) {
            if (arg.equals(NO_CDS) && !command.noCds) {
                command.noCds = true;
            } else if (arg.equals(EXIT_WHEN_READY) && !command.exitWhenReady) {
                command.exitWhenReady = true;
            } else if (command.design == null && !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@")) {
                command.design = Path.of(arg);
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(command.design).map(design -> command);
    }

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Launches the design and streams its events to {@code out} until stopped; the exit code. */
    int run(PrintWriter out, PrintWriter err) {
        var parsed = DesignArgument.load(design);
        if (!DesignArgument.report(parsed, err)) {
            return Main.INVALID;
        }
        out.println("Starting " + parsed.value().orElseThrow().name() + "...");
        out.flush();
        var stop = new CountDownLatch(1);
        var running = new AtomicBoolean();
        if (LauncherJvm.isLean()) {
            // The user's command waits for this JVM: when that command is gone, so is the launch, however far it got
            // (while starting, the processes it started follow this JVM on their own).
            ParentGuard.installIfLaunched(() -> {
                if (running.get()) {
                    stop.countDown();
                } else {
                    System.exit(Main.INVALID);
                }
            });
        }
        LocalCluster cluster;
        try {
            cluster = LocalCluster.start(parsed.value().orElseThrow(), design,
                    LaunchOptions.defaults().withAppCdsIf(!noCds));
        } catch (LaunchException e) {
            err.println("clusterdeck: launch failed: " + e.getMessage());
            err.flush();
            return Main.INVALID;
        }
        var hook = new Thread(cluster::close, "launch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        running.set(true);
        try {
            cluster.notes().forEach(note -> out.println("Note: " + note));
            out.print(table(cluster.processes()));
            var memory = cluster.heldBytes().stream().mapToObj(bytes -> "; they hold " + ProcessMemory.shown(bytes))
                    .findFirst().orElse("");
            out.printf("%nEntry: %s%nAll %d processes ready and every worker healthy %.1f s after the command%s."
                            + "%nRun folder: %s%n", cluster.plan().entryUrl(), cluster.processes().size(),
                    cluster.sinceCommand().toMillis() / 1000.0, memory, cluster.runFolder());
            if (exitWhenReady) {
                return Main.OK;
            }
            out.println("Streaming events; Ctrl-C stops everything.\n");
            out.flush();
            var history = new ArrayList<ClusterEvent>();
            var reported = new HashSet<ClusterEvent>();
            cluster.events().subscribe(event -> print(out, event, history, reported));
            stop.await();
            out.println("\nStopping...");
            out.flush();
            return Main.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        } finally {
            cluster.close();
            out.println("Stopped.");
            out.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down.
            }
        }
    }

    private static void print(PrintWriter out, ClusterEvent event, List<ClusterEvent> history, Set<ClusterEvent> reported) {
        synchronized (history) {
            history.add(event);
            out.printf("%s  %-12s %-22s %s%n", TIME.format(event.instant()), event.type().json(),
                    event.worker() != null ? event.worker() : event.segment() != null ? event.segment() : "",
                    event.reason() == null ? "" : event.reason());
            if (event.type() == EventType.HEALTHY && event.worker() != null) {
                FailoverReport.of(history).stream()
                        .filter(r -> event.worker().equals(r.fault().worker()) && r.recovered() != null
                                && reported.add(r.fault()))
                        .forEach(r -> out.println("              failover     " + r.render()));
            }
            out.flush();
        }
    }

    static String table(List<ProcessStatus> processes) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("NAME", "SEGMENT", "PID", "URL", "STATE"));
        for (var p : processes) {
            rows.add(List.of(p.name(), p.segment() == null ? "-" : p.segment(), p.pid() < 0 ? "-" : Long.toString(p.pid()),
                    p.url(), p.state().label()));
        }
        return PlanTable.table(rows);
    }
}
