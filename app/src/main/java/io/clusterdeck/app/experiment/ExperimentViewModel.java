package io.clusterdeck.app.experiment;

import io.clusterdeck.app.common.FileNames;
import io.clusterdeck.compare.Comparison;
import io.clusterdeck.compare.ComparisonReport;
import io.clusterdeck.compare.Experiment;
import io.clusterdeck.compare.ExperimentSpec;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.launch.LaunchException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Experiments view's state: the open design (A), the design it is compared with (B), the load, and the running
 * or finished comparison. The experiment runs on the {@code background} executor; what it reports reaches the
 * properties through the {@code ui} executor (the FX thread in the app).
 */
public final class ExperimentViewModel {
    /** The figures the summary shows above the charts, as the comparison names its rows. */
    public static final List<String> SUMMARY = List.of("answered calls/s", "gateway hops per call",
            "cluster CPU ms per call", "memory MB");
    private static final Logger LOG = Logger.getLogger(ExperimentViewModel.class.getName());

    /** Where the experiment is. */
    public enum State { READY, RUNNING, CANCELLING, DONE }

    private final Experiment.Candidate a;
    private final ExperimentRunner runner;
    private final Executor background;
    private final Executor ui;
    private final BooleanSupplier launchRunning;
    private final ReadOnlyObjectWrapper<Experiment.Candidate> b = new ReadOnlyObjectWrapper<>(this, "b");
    private final ReadOnlyStringWrapper bSource = new ReadOnlyStringWrapper(this, "bSource", "");
    private final IntegerProperty rate = new SimpleIntegerProperty(this, "rate");
    private final IntegerProperty seconds = new SimpleIntegerProperty(this, "seconds");
    private final IntegerProperty warmUp = new SimpleIntegerProperty(this, "warmUp");
    private final IntegerProperty repeats = new SimpleIntegerProperty(this, "repeats");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.READY);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<Comparison.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<FunctionLatency> latencies = FXCollections.observableArrayList();
    private final ObservableList<Comparison.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<FunctionLatency> latenciesView = FXCollections.unmodifiableObservableList(latencies);
    private final BooleanBinding canRun;
    private volatile ExperimentRunner.Run running;

    /**
     * @param a             the open design and the file it was read from (or would be saved to)
     * @param launchRunning whether a cluster launched from the designer runs now, on ports the experiment needs
     */
    public ExperimentViewModel(Experiment.Candidate a, ExperimentRunner runner, Executor background, Executor ui,
                           BooleanSupplier launchRunning) {
        this.a = a;
        this.runner = runner;
        this.background = background;
        this.ui = ui;
        this.launchRunning = launchRunning;
        var defaults = ExperimentSpec.defaults();
        rate.set((int) Math.round(defaults.ratePerSecond()));
        seconds.set((int) defaults.measure().toSeconds());
        warmUp.set((int) defaults.warmUp().toSeconds());
        repeats.set(defaults.repeats());
        canRun = Bindings.createBooleanBinding(() -> b.get() != null
                && (state.get() == State.READY || state.get() == State.DONE), b, state);
    }

    // Properties

    public Experiment.Candidate a() {
        return a;
    }

    /** The design A is compared with, once one is chosen. */
    public ReadOnlyObjectProperty<Experiment.Candidate> bProperty() {
        return b.getReadOnlyProperty();
    }

    /** Where B comes from, as the form shows it: its file, or what made it when it is held in memory. */
    public ReadOnlyStringProperty bSourceProperty() {
        return bSource.getReadOnlyProperty();
    }

    /** Calls a second, to each design in turn. */
    public IntegerProperty rateProperty() {
        return rate;
    }

    /** Measured seconds of each run. */
    public IntegerProperty secondsProperty() {
        return seconds;
    }

    /** Unmeasured seconds of the same load before each measured run. */
    public IntegerProperty warmUpProperty() {
        return warmUp;
    }

    /** Runs of each design, in turn (A B A B). */
    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The share of runs done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line: the run under way, the outcome, or why nothing happened. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last comparison finished, or null. */
    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Every figure of the last comparison, A and B side by side. */
    public ObservableList<Comparison.Row> rows() {
        return rowsView;
    }

    /** Per public function the load called, its p50 and p99 in both designs. */
    public ObservableList<FunctionLatency> latencies() {
        return latenciesView;
    }

    /** Whether Run may be pressed: B is chosen and nothing runs. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** The summary's rows of the last comparison, in {@link #SUMMARY}'s order. */
    public List<Comparison.Row> summary() {
        var shown = comparison.get();
        return shown == null ? List.of() : SUMMARY.stream().map(shown::row).toList();
    }

    /** The folder a chooser for B opens in: A's. */
    public Path folder() {
        return DesignFiles.folderOf(a.file());
    }

    /** Where a report is offered to go: next to A, named after both designs. */
    public Path suggestedReport() {
        var folder = DesignFiles.folderOf(a.file());
        var bName = b.get() == null ? "other" : b.get().design().name();
        return folder.resolve(a.design().name() + "-vs-" + bName + ".md");
    }

    // Commands

    /** Reads B from a design file; one that cannot be read or has problems is not taken, and the message says why. */
    public boolean chooseB(Path file) {
        var parsed = DesignFiles.load(file);
        if (!parsed.ok()) {
            var first = parsed.problems().get(0);
            message.set(file.getFileName() + " cannot be compared: " + parsed.problems().size() + " problem"
                    + (parsed.problems().size() == 1 ? "" : "s") + ", first " + first.path() + ": " + first.message());
            return false;
        }
        b.set(new Experiment.Candidate(parsed.value().get(), file));
        bSource.set(FileNames.shortPath(file));
        message.set("");
        return true;
    }

    /**
     * Takes as B a design held in memory, with no file of its own (the open design with the advice applied, say);
     * its relative paths are resolved from A's folder.
     *
     * @param source what the form shows in place of B's file
     */
    public void useB(Design design, String source) {
        b.set(new Experiment.Candidate(design, a.file()));
        bSource.set(source);
        message.set("");
    }

    /** Runs A against B in the background; does nothing while one runs or before B is chosen. */
    public void run() {
        var other = b.get();
        if (!canRun.get()) {
            return;
        }
        if (launchRunning.getAsBoolean()) {
            message.set("Stop the running cluster first: the experiment launches each design on its own ports");
            return;
        }
        ExperimentSpec spec;
        try {
            spec = new ExperimentSpec(rate.get(), Duration.ofSeconds(seconds.get()), Duration.ofSeconds(warmUp.get()),
                    repeats.get(), List.of(), ExperimentSpec.defaults().seed());
            Experiment.mix(spec, a.design(), other.design());
        } catch (IllegalArgumentException e) {
            message.set("Cannot compare: " + e.getMessage());
            return;
        }
        for (var candidate : List.of(a, other)) {
            var problems = candidate.design().validate();
            if (!problems.isEmpty()) {
                message.set("Cannot compare: " + candidate.design().name() + " has " + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + ", first " + problems.get(0).path() + ": "
                        + problems.get(0).message());
                return;
            }
        }
        var run = runner.create(spec, step -> ui.execute(() -> {
            if (state.get() == State.RUNNING) {
                progress.set(step.steps() == 0 ? 0 : step.step() / (double) step.steps());
                message.set(step.message());
            }
        }));
        running = run;
        state.set(State.RUNNING);
        progress.set(0);
        message.set("Starting " + a.design().name() + " (A)");
        long began = System.nanoTime();
        background.execute(() -> {
            try {
                var result = run.run(a, other);
                ui.execute(() -> finished(result, Duration.ofNanos(System.nanoTime() - began)));
            } catch (CancellationException e) {
                ui.execute(() -> ended("Cancelled; every process it started is stopped"));
            } catch (LaunchException | IllegalArgumentException | IllegalStateException e) {
                LOG.log(Level.INFO, "experiment failed", e);
                ui.execute(() -> ended("The experiment failed: " + firstLine(e.getMessage())));
            } finally {
                running = null;
            }
        });
    }

    /** Stops the experiment under way; the runs it started are stopped before the state is ready again. */
    public void cancel() {
        var run = running;
        if (run == null || state.get() != State.RUNNING) {
            return;
        }
        state.set(State.CANCELLING);
        message.set("Cancelling: stopping the design under way");
        // Cancelling only raises a flag and ends the load; the run's own thread stops its processes.
        run.cancel();
    }

    /**
     * Writes the last comparison as a markdown report to {@code markdown} and as JSON next to it (the same name
     * ending in {@code .json}); true when both were written.
     */
    public boolean saveReport(Path markdown) {
        var shown = comparison.get();
        if (shown == null) {
            return false;
        }
        var name = markdown.getFileName().toString();
        var stem = name.toLowerCase(Locale.ROOT).endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        var json = markdown.resolveSibling(stem + ".json");
        try {
            DesignFiles.writeAtomically(markdown, ComparisonReport.markdown(shown));
            DesignFiles.writeAtomically(json, StrictJson.write(shown));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "report not saved", e);
            message.set("The report could not be saved to " + markdown + ": " + e.getMessage());
            return false;
        }
        message.set("Saved the report to " + markdown.getFileName() + " and " + json.getFileName());
        return true;
    }

    private void finished(Comparison result, Duration took) {
        comparison.set(result);
        rows.setAll(result.rows());
        latencies.setAll(FunctionLatency.of(result));
        progress.set(1);
        state.set(State.DONE);
        long better = result.rows().stream().filter(r -> r.better().equals("B")).count();
        long worse = result.rows().stream().filter(r -> r.better().equals("A")).count();
        message.set(String.format(Locale.ROOT, "Done in %d s: %s (B) is better on %d figure%s, worse on %d",
                took.toSeconds(), result.designB(), better, better == 1 ? "" : "s", worse));
    }

    private void ended(String why) {
        state.set(State.READY);
        progress.set(0);
        message.set(why);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown reason";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
