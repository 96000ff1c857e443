package io.clusterdeck.lab;

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
        if (calls < 0 || errors < 0 || errors > calls) {
            throw new IllegalArgumentException(name + ": calls " + calls + " and errors " + errors + " do not add up");
        }
        for (double figure : new double[] {cpuMsPerCall, meanMs, p50Ms, p90Ms, p99Ms, maxMs}) {
            if (!(figure >= 0) || Double.isInfinite(figure)) {
                throw new IllegalArgumentException(name + ": CPU and latency figures must be 0 or more, was " + figure);
            }
        }
    }

    public double errorRate() {
        return calls == 0 ? 0 : errors / (double) calls;
    }
}
