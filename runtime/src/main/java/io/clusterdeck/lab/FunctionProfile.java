package io.clusterdeck.lab;

import io.clusterdeck.json.InvalidValueException;
import io.clusterdeck.json.Violation;
import java.util.ArrayList;
import java.util.Objects;

/**
 * One function as measured over a recording, all its workers together. Latency is the function's own time in the
 * worker, from the start of the call to its answer, including the calls it made.
 *
 * @param segment      the segment that hosted it during the recording
 * @param calls        calls that finished, failed ones included
 * @param errors       calls that ended in an error status
 * @param cpuMsPerCall CPU time the worker spent on one call, on average, in milliseconds
 */
public record FunctionProfile(String name, String segment, long calls, long errors, double cpuMsPerCall,
                              double meanMs, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    public FunctionProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segment, "segment");
        var violations = new ArrayList<Violation>();
        if (calls < 0) {
            violations.add(new Violation("calls", "must be 0 or more, was " + calls));
        }
        if (errors < 0 || errors > calls) {
            violations.add(new Violation("errors", "must be between 0 and the calls of '" + name + "' (" + calls
                    + "), was " + errors));
        }
        var figures = new double[] {cpuMsPerCall, meanMs, p50Ms, p90Ms, p99Ms, maxMs};
        var names = new String[] {"cpuMsPerCall", "meanMs", "p50Ms", "p90Ms", "p99Ms", "maxMs"};
        for (int i = 0; i < figures.length; i++) {
            if (!(figures[i] >= 0) || Double.isInfinite(figures[i])) {
                violations.add(new Violation(names[i], "must be 0 or more, was " + figures[i]));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    public double errorRate() {
        return calls == 0 ? 0 : errors / (double) calls;
    }
}
