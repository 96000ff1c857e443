package io.clusterdeck.compare;

import io.clusterdeck.load.LoadSpec.Target;
import java.time.Duration;
import java.util.List;

/**
 * How two designs are compared: the same open-model load on each (the same functions in the same seeded order at
 * the same rate), a warm-up that is not measured, and repeats in turn (A B A B) so that noise hits both alike.
 *
 * @param mix the public functions to call and their weights; empty: every public function of the first design,
 *            equally
 */
public record ExperimentSpec(double ratePerSecond, Duration measure, Duration warmUp, int repeats, List<Target> mix,
                             long seed) {
    public ExperimentSpec {
        if (!(ratePerSecond > 0 && ratePerSecond <= 10_000)) {
            throw new IllegalArgumentException("rate must be above 0 and at most 10000 calls a second, was " + ratePerSecond);
        }
        if (measure.compareTo(Duration.ofSeconds(1)) < 0 || measure.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the measured part must last 1 s to 1 h, was " + measure.toMillis() / 1000.0 + " s");
        }
        if (warmUp.isNegative() || warmUp.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the warm-up must last 0 s to 10 min, was " + warmUp.toMillis() / 1000.0 + " s");
        }
        if (repeats < 1 || repeats > 20) {
            throw new IllegalArgumentException("repeats must be 1 to 20, was " + repeats);
        }
        mix = List.copyOf(mix);
    }

    /** 50 calls a second, 3 s of warm-up, 10 s measured, twice each, every public function alike. */
    public static ExperimentSpec defaults() {
        return new ExperimentSpec(50, Duration.ofSeconds(10), Duration.ofSeconds(3), 2, List.of(), 1);
    }
}
