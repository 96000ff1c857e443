package io.clusterdeck.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a load run sends: calls to {@code POST <url>/rpc/<function>} at a constant arrival rate, cycling over the
 * targets, for a fixed duration.
 *
 * @param maxInFlight calls allowed in flight at once; a call due when the limit is reached is counted as
 *                    {@code dropped} instead of delaying the schedule, so the arrival rate stays honest
 * @param timeout     the longest a call may take before it counts as a timeout
 */
public record LoadSpec(URI url, List<Target> targets, double ratePerSecond, Duration duration, int maxInFlight,
                       Duration timeout) {
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

    /** One function to call and the JSON object of named arguments to call it with. */
    public record Target(String function, String argumentsJson) {
        public Target {
            Objects.requireNonNull(function, "function");
            argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
        }
    }
}
