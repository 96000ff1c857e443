package io.clusterdeck.compare;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.lab.CallProfile;
import io.clusterdeck.lab.ProfileRecording;
import io.clusterdeck.launch.LaunchException;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.launch.LocalCluster;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadReport;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs two designs in turn on this machine under the same load and compares what was measured. Each run launches
 * the design, warms it up, measures, and stops it; runs alternate A B A B so that noise hits both alike. Calls enter
 * at each design's gateway, so both are measured from the same point.
 */
public final class Experiment {
    private final ExperimentSpec spec;
    private final LaunchOptions options;
    private final Consumer<Progress> progress;
    private final AtomicReference<LoadGenerator> sending = new AtomicReference<>();
    private volatile boolean cancelled;

    /** Where an experiment is: {@code step} of {@code steps} done, and what it does now. */
    public record Progress(int step, int steps, String message) {
    }

    /** One design to run: what it is and the file it was read from (its relative paths are resolved from there). */
    public record Candidate(Design design, Path file) {
        /** The design's name, or its file's when the other candidate has the same name (an advised copy, say). */
        String label(Candidate other) {
            if (!design.name().equals(other.design.name()) || file == null || file.getFileName() == null) {
                return design.name();
            }
            return file.getFileName().toString().replaceFirst("\\.json$", "");
        }
    }

    public Experiment(ExperimentSpec spec, LaunchOptions options, Consumer<Progress> progress) {
        this.spec = spec;
        this.options = options.withControl(false); // never the launch `clusterdeck status` and the others act on
        this.progress = progress;
    }

    /** The functions the load calls: the spec's mix, or every public function of {@code a}, checked against both. */
    public static List<LoadSpec.Target> mix(ExperimentSpec spec, Design a, Design b) {
        var mix = spec.mix().isEmpty()
                ? a.functions().stream().filter(f -> f.access() == Access.PUBLIC).map(f -> new LoadSpec.Target(f.name(), null)).toList()
                : spec.mix();
        if (mix.isEmpty()) {
            throw new IllegalArgumentException(a.name() + " has no public function to call");
        }
        for (var target : mix) {
            for (var design : List.of(a, b)) {
                var function = design.functions().stream().filter(f -> f.name().equals(target.function())).findFirst();
                if (function.isEmpty() || function.get().access() != Access.PUBLIC) {
                    throw new IllegalArgumentException(design.name() + " has no public function " + target.function()
                            + "; both designs must offer every function the load calls");
                }
            }
        }
        return mix;
    }

    /**
     * Runs both designs in turn and compares them.
     *
     * @throws CancellationException when {@link #cancel} was called; every process it started is stopped by then
     */
    public Comparison run(Candidate a, Candidate b) {
        var mix = mix(spec, a.design(), b.design());
        var runs = new ArrayList<RunFigures>();
        int steps = spec.repeats() * 2;
        for (int repeat = 1; repeat <= spec.repeats(); repeat++) {
            for (var labelled : List.of(Map.entry("A", a), Map.entry("B", b))) {
                checkCancelled();
                int step = runs.size();
                var candidate = labelled.getValue();
                progress.accept(new Progress(step, steps, String.format("Run %d of %d: %s (%s)", step + 1, steps,
                        candidate.label(candidate == a ? b : a), labelled.getKey())));
                runs.add(measure(labelled.getKey(), candidate, candidate.label(candidate == a ? b : a), repeat, mix));
            }
        }
        progress.accept(new Progress(steps, steps, "Done"));
        var functions = mix.stream().map(LoadSpec.Target::function).distinct().toList();
        return new Comparison(a.label(b), b.label(a), spec, functions, runs, Rows.of(runs, functions));
    }

    private RunFigures measure(String label, Candidate candidate, String name, int repeat, List<LoadSpec.Target> mix) {
        var design = candidate.design();
        try (var cluster = LocalCluster.start(design, candidate.file(), options)) {
            var gateway = URI.create(cluster.plan().gateways().stream().findFirst()
                    .orElseThrow(() -> new LaunchException(design.name() + " has no gateway to call")).url());
            var load = new LoadSpec(gateway, mix, spec.ratePerSecond(), spec.measure(), 10_000, Duration.ofSeconds(10),
                    spec.seed());
            if (!spec.warmUp().isZero()) {
                send(load.withDuration(spec.warmUp()));
            }
            var cpuBefore = cpuNanos(cluster.processes());
            var recording = ProfileRecording.start(design, cluster::profileSamples);
            LoadReport report = send(load);
            var profile = recording.stop();
            var cpuAfter = cpuNanos(cluster.processes());
            long cpu = 0;
            for (var entry : cpuAfter.entrySet()) {
                var before = cpuBefore.get(entry.getKey());
                cpu += before == null ? 0 : entry.getValue() - before;
            }
            long calls = Math.max(1, report.sent());
            double hops = profile.calls().stream().filter(CallProfile::crossesGateway).mapToLong(CallProfile::count).sum()
                    / (double) calls;
            double memoryMb = cluster.heldBytes().orElse(0) / (1024.0 * 1024.0);
            double seconds = Math.max(0.001, report.duration().toNanos() / 1e9);
            return new RunFigures(label, name, repeat, report.ok() / seconds, report.ok(), report.failed(),
                    report.percentilesMs().get(50.0), report.percentilesMs().get(99.0), report.percentilesMs().get(99.9),
                    report.byFunction(), round(hops), round(cpu / 1e6 / calls), Math.round(memoryMb));
        }
    }

    /**
     * Stops the experiment from any thread: the load under way ends at its next call, the design running is stopped,
     * and {@link #run} throws a {@link CancellationException}. A design still starting is stopped once it is up.
     */
    public void cancel() {
        cancelled = true;
        var running = sending.get();
        if (running != null) {
            running.stop();
        }
    }

    /** Sends a load unless cancelled; cancelled during it, throws, and the caller's cluster is closed on the way out. */
    private LoadReport send(LoadSpec spec) {
        checkCancelled();
        var generator = new LoadGenerator(spec);
        sending.set(generator);
        // cancel() sets its flag before it reads the generator, so one of the two checks sees it.
        checkCancelled();
        try {
            return generator.run(second -> { });
        } finally {
            sending.set(null);
            checkCancelled();
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new CancellationException("the experiment was cancelled");
        }
    }

    /** Each process's CPU time so far, by pid. */
    private static Map<Long, Long> cpuNanos(List<ProcessStatus> processes) {
        var cpu = new HashMap<Long, Long>();
        for (var process : processes) {
            if (process.pid() > 0) {
                ProcessHandle.of(process.pid()).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos)
                        .ifPresent(nanos -> cpu.put(process.pid(), nanos));
            }
        }
        return cpu;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
