package io.clusterdeck.app.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.TinyDesigns;
import io.clusterdeck.compare.Comparison;
import io.clusterdeck.compare.Comparison.Row;
import io.clusterdeck.compare.Experiment;
import io.clusterdeck.compare.ExperimentSpec;
import io.clusterdeck.compare.RunFigures;
import io.clusterdeck.json.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Experiments view's state without a window: a scripted experiment stands in for real processes. */
class ExperimentViewModelTest {
    @TempDir
    Path folder;

    private Path splitFile;
    private Path mergedFile;
    private final List<ExperimentSpec> specs = new ArrayList<>();
    private boolean launchRunning;

    @BeforeEach
    void writeDesigns() {
        splitFile = TinyDesigns.write(TinyDesigns.split(), folder);
        mergedFile = TinyDesigns.write(TinyDesigns.merged(), folder);
    }

    /** Runs at once on the calling thread, reporting two runs, and answers with a canned comparison. */
    private ExperimentRunner scripted() {
        return (spec, progress) -> {
            specs.add(spec);
            return new ExperimentRunner.Run() {
                @Override
                public Comparison run(Experiment.Candidate a, Experiment.Candidate b) {
                    progress.accept(new Experiment.Progress(0, 2, "Run 1 of 2: front-and-back (A)"));
                    progress.accept(new Experiment.Progress(1, 2, "Run 2 of 2: front-and-back-merged (B)"));
                    return comparison(spec);
                }

                @Override
                public void cancel() {
                }
            };
        };
    }

    private ExperimentViewModel model(ExperimentRunner runner) {
        return new ExperimentViewModel(new Experiment.Candidate(TinyDesigns.split(), splitFile), runner, Runnable::run,
                Runnable::run, () -> launchRunning);
    }

    static Comparison comparison(ExperimentSpec spec) {
        var rows = List.of(Row.of("answered calls/s", 20, 20, false), Row.of("failed calls", 0, 0, true),
                Row.of("p50 ms", 6.1, 3.2, true), Row.of("p99 ms", 9.4, 5.0, true), Row.of("p99.9 ms", 11, 6, true),
                Row.of("p50 ms front/page", 6.1, 3.2, true), Row.of("p99 ms front/page", 9.4, 5.0, true),
                Row.of("gateway hops per call", 1, 0, true), Row.of("cluster CPU ms per call", 4.2, 2.9, true),
                Row.of("memory MB", 240, 180, true));
        var runs = List.of(
                new RunFigures("A", "front-and-back", 1, 20, 40, 0, 6.1, 9.4, 11, Map.of(), 1, 4.2, 240),
                new RunFigures("B", "front-and-back-merged", 1, 20, 40, 0, 3.2, 5.0, 6, Map.of(), 0, 2.9, 180));
        return new Comparison("front-and-back", "front-and-back-merged", spec, List.of("front/page"), runs, rows);
    }

    @Test
    void theLoadStartsAtTheExperimentDefaultsAndRunWaitsForB() {
        var model = model(scripted());

        var defaults = ExperimentSpec.defaults();
        assertThat(model.rateProperty().get()).isEqualTo((int) defaults.ratePerSecond());
        assertThat(model.secondsProperty().get()).isEqualTo(defaults.measure().toSeconds());
        assertThat(model.warmUpProperty().get()).isEqualTo(defaults.warmUp().toSeconds());
        assertThat(model.repeatsProperty().get()).isEqualTo(defaults.repeats());
        assertThat(model.canRunProperty().get()).isFalse();
        model.run();
        assertThat(specs).isEmpty();

        assertThat(model.chooseB(mergedFile)).isTrue();
        assertThat(model.canRunProperty().get()).isTrue();
        assertThat(model.bProperty().get().design().name()).isEqualTo("front-and-back-merged");
        assertThat(model.bSourceProperty().get()).isEqualTo(folder.getFileName() + "/" + mergedFile.getFileName());
    }

    @Test
    void aDesignFileWithProblemsIsNotTakenAsB() throws Exception {
        var broken = Files.writeString(folder.resolve("broken.json"), "{\"name\": \"broken\", \"segments\": 3}");
        var model = model(scripted());

        assertThat(model.chooseB(broken)).isFalse();

        assertThat(model.bProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("broken.json cannot be compared: ");
    }

    @Test
    void aDesignHeldInMemoryIsTakenAsBWithTheFileOfA() {
        var model = model(scripted());

        model.useB(TinyDesigns.merged(), "not saved: the advised design");

        assertThat(model.bProperty().get().design()).isEqualTo(TinyDesigns.merged());
        assertThat(model.bProperty().get().file()).isEqualTo(splitFile);
        assertThat(model.bSourceProperty().get()).isEqualTo("not saved: the advised design");
        assertThat(model.canRunProperty().get()).isTrue();
    }

    @Test
    void aFinishedRunShowsEveryRowTheSummaryAndTheLatencyOfEachFunction() {
        var model = model(scripted());
        model.chooseB(mergedFile);
        model.rateProperty().set(20);
        model.secondsProperty().set(2);
        model.warmUpProperty().set(1);
        model.repeatsProperty().set(1);

        model.run();

        assertThat(specs).singleElement().satisfies(spec -> {
            assertThat(spec.ratePerSecond()).isEqualTo(20);
            assertThat(spec.measure().toSeconds()).isEqualTo(2);
            assertThat(spec.warmUp().toSeconds()).isEqualTo(1);
            assertThat(spec.repeats()).isEqualTo(1);
        });
        assertThat(model.stateProperty().get()).isEqualTo(ExperimentViewModel.State.DONE);
        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.rows()).hasSize(10);
        assertThat(model.summary()).extracting(Row::figure).containsExactlyElementsOf(ExperimentViewModel.SUMMARY);
        assertThat(model.latencies()).containsExactly(new FunctionLatency("front/page", 6.1, 3.2, 9.4, 5.0));
        assertThat(model.messageProperty().get())
                .matches("Done in \\d+ s: front-and-back-merged \\(B\\) is better on 8 figures, worse on 0");
        assertThat(model.canRunProperty().get()).as("run again").isTrue();
    }

    @Test
    void progressMessagesShowWhileItRuns() throws Exception {
        var seen = new ArrayList<String>();
        var model = model(scripted());
        model.messageProperty().addListener((obs, old, now) -> seen.add(now));
        model.chooseB(mergedFile);

        model.run();

        assertThat(seen).containsSubsequence("Run 1 of 2: front-and-back (A)", "Run 2 of 2: front-and-back-merged (B)");
    }

    @Test
    void aCancelledExperimentEndsReadyAndSaysItsProcessesAreStopped() throws Exception {
        // The run ends only once the test has seen the model cancelling: the model must not depend on the order.
        var released = new CountDownLatch(1);
        var runStarted = new CountDownLatch(1);
        var cancelCalled = new AtomicBoolean();
        ExperimentRunner blocking = (spec, progress) -> new ExperimentRunner.Run() {
            @Override
            public Comparison run(Experiment.Candidate a, Experiment.Candidate b) {
                runStarted.countDown();
                try {
                    released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new CancellationException("cancelled");
            }

            @Override
            public void cancel() {
                cancelCalled.set(true);
            }
        };
        var background = Executors.newSingleThreadExecutor();
        try {
            var model = new ExperimentViewModel(new Experiment.Candidate(TinyDesigns.split(), splitFile), blocking,
                    background, Runnable::run, () -> false);
            model.chooseB(mergedFile);
            model.run();
            assertThat(runStarted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(model.stateProperty().get()).isEqualTo(ExperimentViewModel.State.RUNNING);

            model.cancel();
            assertThat(model.stateProperty().get()).isEqualTo(ExperimentViewModel.State.CANCELLING);
            released.countDown();
            background.shutdown();
            assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(cancelCalled).isTrue();
            assertThat(model.stateProperty().get()).isEqualTo(ExperimentViewModel.State.READY);
            assertThat(model.messageProperty().get()).isEqualTo("Cancelled; every process it started is stopped");
            assertThat(model.comparisonProperty().get()).isNull();
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void nothingRunsWhileALaunchedClusterHoldsThePorts() {
        launchRunning = true;
        var model = model(scripted());
        model.chooseB(mergedFile);

        model.run();

        assertThat(specs).isEmpty();
        assertThat(model.messageProperty().get())
                .isEqualTo("Stop the running cluster first: the experiment launches each design on its own ports");
    }

    @Test
    void aDesignWithoutTheFunctionsTheLoadCallsCannotBeB() throws Exception {
        var other = TinyDesigns.write(TinyDesigns.merged().withName("renamed").withFunctions(List.of(
                TinyDesigns.merged().functions().get(0).withName("front/home"),
                TinyDesigns.merged().functions().get(1))).withSegments(List.of(
                io.clusterdeck.design.Segment.named("front").withFunctions(List.of("front/home", "back/stock")))),
                folder);
        var model = model(scripted());
        model.chooseB(other);

        model.run();

        assertThat(specs).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Cannot compare: renamed has no public function front/page;"
                + " both designs must offer every function the load calls");
    }

    @Test
    void theReportIsSavedAsMarkdownWithItsJsonNextToIt() throws Exception {
        var model = model(scripted());
        model.chooseB(mergedFile);
        model.run();
        var report = model.suggestedReport();

        assertThat(model.saveReport(report)).isTrue();

        assertThat(report).hasFileName("front-and-back-vs-front-and-back-merged.md").hasParent(folder);
        assertThat(Files.readString(report)).contains("| gateway hops per call | 1 | 0 | -100.0% | B |");
        var json = StrictJson.mapper().readTree(Files.readString(folder.resolve(
                "front-and-back-vs-front-and-back-merged.json")));
        assertThat(json.path("rows")).hasSize(10);
        assertThat(model.messageProperty().get()).isEqualTo("Saved the report to "
                + "front-and-back-vs-front-and-back-merged.md and front-and-back-vs-front-and-back-merged.json");
    }
}
