package io.clusterdeck.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a load run sends: calls to {@code POST <url>/rpc/<function>} at a constant arrival rate, for a fixed
 * duration. Targets of equal weight take turns; with weights, each call picks one at random in proportion to them,
 * from a sequence fixed by {@code seed}, so two runs with the same spec send the same calls in the same order.
 *
 * @param maxInFlight calls allowed in flight at once; a call due when the limit is reached is counted as
 *                    {@code dropped} instead of delaying the schedule, so the arrival rate stays honest
 * @param timeout     the longest a call may take before it counts as a timeout
 */
public record LoadSpec(URI url, List<Target> targets, double ratePerSecond, Duration duration, int maxInFlight,
                       Duration timeout, long seed) {
    /** A spec with the default seed. */
    public LoadSpec(URI url, List<Target> targets, double ratePerSecond, Duration duration, int maxInFlight,
                    Duration timeout) {
        this(url, targets, ratePerSecond, duration, maxInFlight, timeout, 1);
    }

    public LoadSpec {
        Objects.requireNonNull(url, "url");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one function to call is needed");
        }
        if (!(ratePerSecond > 0 && ratePerSecond <= 100_000)) {
            throw new IllegalArgumentException("rate must be between 0 and 100000 calls a second, was " + ratePerSecond);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("duration must be between 1 ms and 24 h, was " + duration);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
    }

    /** This spec calling other targets. */
    public LoadSpec withTargets(List<Target> newTargets) {
        return new LoadSpec(url, newTargets, ratePerSecond, duration, maxInFlight, timeout, seed);
    }

    /** This spec for another duration. */
    public LoadSpec withDuration(Duration newDuration) {
        return new LoadSpec(url, targets, ratePerSecond, newDuration, maxInFlight, timeout, seed);
    }

    /** This spec sent to another URL. */
    public LoadSpec withUrl(URI newUrl) {
        return new LoadSpec(newUrl, targets, ratePerSecond, duration, maxInFlight, timeout, seed);
    }

    /** Whether the targets have different weights (then each call is drawn at random). */
    public boolean weighted() {
        return targets.stream().mapToDouble(Target::weight).distinct().count() > 1;
    }

    /**
     * One function to call, the JSON object of named arguments to call it with, and its share of the calls
     * relative to the other targets.
     */
    public record Target(String function, String argumentsJson, double weight) {
        public Target {
            Objects.requireNonNull(function, "function");
            argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
            if (!(weight > 0 && weight <= 1_000_000)) {
                throw new IllegalArgumentException("the weight of " + function + " must be above 0 and at most 1000000, was "
                        + weight);
            }
        }

        public Target(String function, String argumentsJson) {
            this(function, argumentsJson, 1);
        }
    }
}
