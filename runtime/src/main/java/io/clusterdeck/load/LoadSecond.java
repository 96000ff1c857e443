package io.clusterdeck.load;

import java.util.Map;

/**
 * What one second of a load run did.
 *
 * @param second   1-based second of the run
 * @param sent     calls sent in this second
 * @param ok       calls answered 2xx in this second
 * @param errors   failed calls by cause: an HTTP status ("503"), "timeout", "connect", or "dropped"
 * @param p50Ms    median latency of the calls answered in this second
 * @param p99Ms    99th percentile
 * @param byWorker answered calls by the worker that served them ({@code X-Clusterdeck-Worker})
 */
public record LoadSecond(int second, long sent, long ok, Map<String, Long> errors, double p50Ms, double p99Ms,
                         Map<String, Long> byWorker) {
    public LoadSecond {
        errors = Map.copyOf(errors);
        byWorker = Map.copyOf(byWorker);
    }

    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}
