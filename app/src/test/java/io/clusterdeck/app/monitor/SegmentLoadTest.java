package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterdeck.design.Balancing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SegmentLoadTest {
    private static final Set<String> BOTH = Set.of("a", "b");

    private static SegmentLoad sampled(Balancing balancing, Map<String, Double> rates, List<String> inRotation,
                                       Map<String, Integer> weights) {
        var load = new SegmentLoad("s", balancing, List.of("f"), 2);
        load.sample(rates, inRotation, weights, BOTH);
        return load;
    }

    @Test
    void anEvenSplitIsZeroPercentOff() {
        var load = sampled(Balancing.ROUND_ROBIN, Map.of("a", 10.0, "b", 10.0), List.of("a", "b"), Map.of());

        assertThat(load.unfairnessProperty().get()).isZero();
        assertThat(load.fairnessText()).isEqualTo("0% off the even split");
    }

    @Test
    void everyCallOnOneOfTwoWorkersIsFiftyPercentOff() {
        var load = sampled(Balancing.LEAST_REQUESTS, Map.of("a", 20.0, "b", 0.0), List.of("a", "b"), Map.of());

        assertThat(load.unfairnessProperty().get()).isEqualTo(0.5);
        assertThat(load.sharesProperty().get()).containsEntry("a", 1.0).containsEntry("b", 0.0);
    }

    @Test
    void weightedBalancingIsMeasuredAgainstTheWeights() {
        var load = sampled(Balancing.WEIGHTED, Map.of("a", 30.0, "b", 10.0), List.of("a", "b"), Map.of("a", 3, "b", 1));

        assertThat(load.unfairnessProperty().get()).isCloseTo(0, within(1e-9));
        assertThat(load.fairnessText()).isEqualTo("0% off the weighted split");
    }

    @Test
    void callsToAWorkerOutOfRotationCountAgainstTheSplit() {
        var load = sampled(Balancing.ROUND_ROBIN, Map.of("a", 15.0, "b", 5.0), List.of("a"), Map.of());

        assertThat(load.unfairnessProperty().get()).isEqualTo(0.25);
    }

    @Test
    void aSegmentWithoutCallsHasNoFigureYet() {
        var load = sampled(Balancing.ROUND_ROBIN, Map.of(), List.of("a", "b"), Map.of());

        assertThat(load.fairnessText()).isEqualTo("no calls yet");
    }

    @Test
    void sharesAreTakenOverTheLastTenSamples() {
        var load = new SegmentLoad("s", Balancing.ROUND_ROBIN, List.of("f"), 2);
        for (int i = 0; i < 30; i++) {
            load.sample(Map.of("a", 10.0), List.of("a", "b"), Map.of(), BOTH);
        }
        for (int i = 0; i < SegmentLoad.WINDOW; i++) {
            load.sample(Map.of("a", 10.0, "b", 10.0), List.of("a", "b"), Map.of(), BOTH);
        }

        assertThat(load.sharesProperty().get()).containsEntry("a", 0.5).containsEntry("b", 0.5);
        assertThat(load.calls("b").size()).isEqualTo(40);
    }

    @Test
    void callsMovingToTheOtherWorkersWhileOneIsOutOfRotationAreNoUnfairness() {
        var load = new SegmentLoad("s", Balancing.ROUND_ROBIN, List.of("f"), 2);
        for (int i = 0; i < 5; i++) {
            load.sample(Map.of("a", 10.0, "b", 10.0), List.of("a", "b"), Map.of(), BOTH);
        }
        for (int i = 0; i < 5; i++) {
            load.sample(Map.of("a", 20.0, "b", 0.0), List.of("a"), Map.of(), BOTH);
        }

        assertThat(load.sharesProperty().get()).containsEntry("a", 0.75).containsEntry("b", 0.25);
        assertThat(load.unfairnessProperty().get()).isCloseTo(0, within(1e-9));
        assertThat(load.fairnessText()).isEqualTo("0% off the even split");
    }

    @Test
    void aWorkerThatIsGoneLeavesTheChartAndTheLegendAtOnce() {
        var load = new SegmentLoad("s", Balancing.ROUND_ROBIN, List.of("f"), 2);
        load.sample(Map.of("a", 10.0, "b", 10.0), List.of("a", "b"), Map.of(), BOTH);

        load.sample(Map.of("a", 20.0), List.of("a"), Map.of(), Set.of("a"));

        assertThat(load.workerNames()).containsExactly("a");
        assertThat(load.sharesProperty().get()).containsOnlyKeys("a");
    }

    @Test
    void whenTheSharesChangeTheFairnessFigureIsAlreadyThatOfTheSameSample() {
        var load = new SegmentLoad("s", Balancing.ROUND_ROBIN, List.of("f"), 2);
        var seen = new java.util.ArrayList<String>();
        load.sharesProperty().addListener((o, a, b) -> seen.add(load.fairnessText()));

        load.sample(Map.of("a", 10.0, "b", 10.0), List.of("a", "b"), Map.of(), BOTH);

        assertThat(seen).containsExactly("0% off the even split");
    }
}
