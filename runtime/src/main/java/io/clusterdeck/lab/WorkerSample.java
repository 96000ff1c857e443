package io.clusterdeck.lab;

import java.util.List;
import java.util.Objects;

/**
 * A worker's running totals since it started, as {@code GET /profile} answers them: what {@link ProfileWindow}
 * subtracts to get what happened between two moments.
 */
public record WorkerSample(String worker, String segment, List<FunctionSample> functions, List<CallSample> calls) {
    public WorkerSample {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(segment, "segment");
        functions = functions == null ? List.of() : List.copyOf(functions);
        calls = calls == null ? List.of() : List.copyOf(calls);
    }

    /**
     * One function's totals on one worker.
     *
     * @param cpuNanos  CPU time its calls used on this worker's threads, the functions it called in-process excluded
     * @param wallNanos the summed durations of its calls
     * @param latency   its call durations in microseconds, an HdrHistogram in compressed form, Base64
     */
    public record FunctionSample(String name, long calls, long errors, long cpuNanos, long wallNanos, String latency) {
        public FunctionSample {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The calls one function made to another from this worker, and the summed time their answers took. */
    public record CallSample(String from, String to, boolean crossesGateway, long count, long nanos) {
        public CallSample {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
