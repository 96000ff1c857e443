package io.clusterdeck.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of a load run. Latencies are measured from when each call was due, not when it was sent, so a
 * slow server cannot hide latency by slowing the generator down.
 *
 * @param achievedPerSecond calls sent per second over the run
 * @param errors            failed calls by cause, as in {@link LoadSecond}
 * @param percentilesMs     latency percentiles of answered calls: 50, 90, 99, 99.9 and 100 (max)
 * @param byFunction        the same per function called
 */
public record LoadReport(Duration duration, double requestedPerSecond, double achievedPerSecond, long sent, long ok,
                         Map<String, Long> errors, Map<Double, Double> percentilesMs, Map<String, Long> byWorker,
                         Map<String, FunctionLatency> byFunction) {
    public LoadReport {
        errors = Map.copyOf(errors);
        percentilesMs = Map.copyOf(percentilesMs);
        byWorker = Map.copyOf(byWorker);
        byFunction = Map.copyOf(byFunction);
    }

    /** The answered and failed calls of one function, and the latency of the answered ones, from when each was due. */
    public record FunctionLatency(long ok, long failed, double p50Ms, double p99Ms, double p999Ms) {
    }

    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few lines for a terminal. */
    public String render() {
        var out = new StringBuilder();
        out.append(String.format("Summary: %d calls in %.1f s: %.1f/s (asked %.1f/s), %d ok, %d failed%n",
                sent, duration.toMillis() / 1000.0, achievedPerSecond, requestedPerSecond, ok, failed()));
        out.append(String.format("Latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                percentilesMs.get(50.0), percentilesMs.get(90.0), percentilesMs.get(99.0), percentilesMs.get(99.9),
                percentilesMs.get(100.0)));
        if (!errors.isEmpty()) {
            out.append("Errors: ").append(new TreeMap<>(errors)).append('\n');
        }
        if (!byWorker.isEmpty()) {
            out.append("Served by: ").append(new TreeMap<>(byWorker)).append('\n');
        }
        return out.toString();
    }
}
