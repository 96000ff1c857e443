package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.compare.Comparison;
import io.clusterdeck.compare.ComparisonReport;
import io.clusterdeck.compare.Experiment;
import io.clusterdeck.compare.ExperimentSpec;
import io.clusterdeck.compare.RunFigures;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Segment;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two designs compared on real processes: front/page calls back/stock through the gateway in one, in-process in the
 * other, where both functions share a segment.
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareIT {
    private final List<Experiment.Progress> progress = new ArrayList<>();
    private Comparison comparison;
    private String currentBefore;
    private String currentAfter;

    @BeforeAll
    void compareSplitAndMerged(@TempDir Path folder) throws IOException {
        var split = TestDesigns.frontAndBack();
        var merged = merged(split);
        var spec = new ExperimentSpec(30, Duration.ofSeconds(3), Duration.ofSeconds(1), 1, List.of(), 7);
        var home = folder.resolve("home");
        var experiment = new Experiment(spec, TestDesigns.options(home), progress::add);
        var current = home.resolve("runs").resolve("current");
        var usersLaunch = home.resolve("runs").resolve("users-own-launch");
        Files.createDirectories(usersLaunch);
        Files.writeString(current, usersLaunch + "\n");
        currentBefore = Files.readString(current);

        comparison = experiment.run(new Experiment.Candidate(split, TestDesigns.write(split, folder)),
                new Experiment.Candidate(merged, TestDesigns.write(merged, folder)));
        currentAfter = Files.readString(current);
        System.out.print(ComparisonReport.table(comparison));
    }

    private static Design merged(Design split) {
        return split.withName("front-and-back-merged").withSegments(List.of(
                Segment.named("front").withFunctions(List.of("front/page", "back/stock"))));
    }

    @Test
    void theDesignsRunInTurnUnderTheSameLoadAndEveryCallIsAnswered() {
        assertThat(comparison.runs()).extracting(RunFigures::label).containsExactly("A", "B");
        assertThat(comparison.functions()).containsExactly("front/page");
        assertThat(comparison.runs()).allSatisfy(run -> {
            assertThat(run.failed()).isZero();
            assertThat(run.ok()).isEqualTo(90);
            assertThat(run.byFunction().get("front/page").ok()).isEqualTo(90);
        });
        assertThat(progress).extracting(Experiment.Progress::message)
                .containsExactly("Run 1 of 2: front-and-back (A)", "Run 2 of 2: front-and-back-merged (B)", "Done");
    }

    @Test
    void anExperimentsLaunchesNeverTakeThePlaceOfTheUsersRunningLaunch() {
        assertThat(currentAfter).isEqualTo(currentBefore);
    }

    @Test
    void theMergedDesignMakesNoGatewayHopWhereTheSplitOneMakesOnePerCall() {
        var hops = comparison.row("gateway hops per call");

        assertThat(hops.a()).isEqualTo(1.0);
        assertThat(hops.b()).isZero();
        assertThat(hops.better()).isEqualTo("B");
        assertThat(hops.changePercent()).isEqualTo(-100.0);
    }

    @Test
    void cpuMemoryAndLatencyAreMeasuredForBoth() {
        for (var figure : List.of("cluster CPU ms per call", "memory MB", "p50 ms", "p99 ms", "p99.9 ms",
                "p50 ms front/page", "p99 ms front/page", "answered calls/s")) {
            var row = comparison.row(figure);
            assertThat(row.a()).as(figure + " of A").isPositive();
            assertThat(row.b()).as(figure + " of B").isPositive();
        }
        assertThat(comparison.row("memory MB").a()).as("four processes against three")
                .isGreaterThan(comparison.row("memory MB").b());
    }

    @Test
    void theReportsShowEveryRowAndReadBackAsJson() throws Exception {
        var markdown = ComparisonReport.markdown(comparison);

        assertThat(markdown).contains("| gateway hops per call | 1 | 0 | -100.0% | B |")
                .contains("# front-and-back (A) against front-and-back-merged (B)");
        var json = StrictJson.mapper().readTree(StrictJson.write(comparison));
        assertThat(json.path("rows")).hasSize(comparison.rows().size());
        assertThat(json.path("runs").get(1).path("design").asText()).isEqualTo("front-and-back-merged");
    }
}
