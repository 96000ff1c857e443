package io.clusterdeck.load;

import io.clusterdeck.http.CallException;
import io.clusterdeck.http.Failure;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.time.Threads;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An open-model load generator: calls are due at a constant rate whatever the answers, sent without waiting
 * for earlier ones, and timed from when they were due (no coordinated omission). Reports every second and
 * at the end. Calls go out on two I/O threads of its own over kept-alive connections, so the generator costs
 * little next to what it measures.
 */
public final class LoadGenerator {
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private static final byte[] JSON = OutboundRequest.headers("Content-Type", "application/json");

    private final LoadSpec spec;
    private final Recorder interval = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byWorker = new ConcurrentHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final OutboundRequest[] requests;
    /** The target of call {@code n} is {@code order[n % order.length]}. */
    private final int[] order;
    /** Per target, its function's latency (targets of the same function share one). */
    private final AtomicHistogram[] latencyOf;
    private final Map<String, AtomicHistogram> byFunction = new LinkedHashMap<>();
    private final Map<String, LongAdder> failedByFunction = new ConcurrentHashMap<>();
    private final String base;

    public LoadGenerator(LoadSpec spec) {
        this.spec = spec;
        var url = spec.url();
        this.base = url.getScheme() + "://" + url.getRawAuthority();
        var prefix = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        this.requests = spec.targets().stream()
                .map(t -> new OutboundRequest(OutboundRequest.requestLine("POST", prefix + Paths.RPC + t.function()), JSON,
                        null, t.argumentsJson().getBytes(StandardCharsets.UTF_8)))
                .toArray(OutboundRequest[]::new);
        this.order = order(spec);
        this.latencyOf = spec.targets().stream()
                .map(t -> byFunction.computeIfAbsent(t.function(), f -> new AtomicHistogram(HIGHEST_MICROS, 2)))
                .toArray(AtomicHistogram[]::new);
    }

    /** Equal weights take turns; otherwise a sequence drawn in proportion to the weights from the spec's seed. */
    private static int[] order(LoadSpec spec) {
        var targets = spec.targets();
        if (!spec.weighted()) {
            return java.util.stream.IntStream.range(0, targets.size()).toArray();
        }
        double total = targets.stream().mapToDouble(LoadSpec.Target::weight).sum();
        var random = new java.util.SplittableRandom(spec.seed());
        var order = new int[4096];
        for (int i = 0; i < order.length; i++) {
            double pick = random.nextDouble() * total;
            int chosen = 0;
            while (chosen < targets.size() - 1 && pick >= targets.get(chosen).weight()) {
                pick -= targets.get(chosen).weight();
                chosen++;
            }
            order[i] = chosen;
        }
        return order;
    }

    /** Asks a running generator to stop at its next call; {@link #run} then returns its report. */
    public void stop() {
        stopped.set(true);
    }

    /** Runs the load for the spec's duration (or until stopped), reporting each second to {@code perSecond}. */
    public LoadReport run(Consumer<LoadSecond> perSecond) {
        var engine = IoEngine.create("load", 2, 1);
        warmUp(engine.client());
        long start = System.nanoTime();
        double intervalNanos = 1e9 / spec.ratePerSecond();
        long end = start + spec.duration().toNanos();
        var reporter = Executors.newSingleThreadScheduledExecutor(Threads.daemon("load-report"));
        var seconds = new SecondCounter(perSecond);
        reporter.scheduleAtFixedRate(seconds::report, 1, 1, TimeUnit.SECONDS);
        long calls = 0;
        try {
            while (!stopped.get()) {
                long due = start + Math.round(calls * intervalNanos); // no drift from a rounded interval
                if (due >= end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                send(engine.client(), calls, due);
                calls++;
            }
            awaitInFlight(spec.timeout().plusSeconds(1));
        } finally {
            reporter.shutdownNow();
            seconds.report();
            engine.close();
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - start);
        return report(Duration.ofNanos(Math.min(elapsed.toNanos(), spec.duration().toNanos())), calls);
    }

    /**
     * Makes the generator's own first call before the clock starts: loading its code and opening a connection
     * must not count as the cluster's latency. Whatever the answer, the run goes on.
     */
    private void warmUp(UpstreamClient client) {
        try {
            client.get(base, Paths.HEALTH, new byte[0], Duration.ofSeconds(2), -1).join();
        } catch (RuntimeException e) {
            // The run itself reports what is wrong with the target.
        }
    }

    private void send(UpstreamClient client, long call, long due) {
        sent.increment();
        int target = order[(int) (call % order.length)];
        if (inFlight.get() >= spec.maxInFlight()) {
            error("dropped");
            failed(target);
            return;
        }
        inFlight.incrementAndGet();
        client.call(base, requests[target], spec.timeout(), -1).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    error(cause(failure));
                    failed(target);
                } else if (response.status() / 100 == 2) {
                    long micros = Math.min(HIGHEST_MICROS, Math.max(1, (System.nanoTime() - due) / 1_000));
                    interval.recordValue(micros);
                    latencyOf[target].recordValue(micros);
                    ok.increment();
                    var worker = response.header(ClusterHeaders.WORKER_NAME);
                    if (worker != null) {
                        byWorker.computeIfAbsent(worker, k -> new LongAdder()).increment();
                    }
                } else {
                    error(Integer.toString(response.status()));
                    failed(target);
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private static String cause(Throwable failure) {
        if (CallException.unwrap(failure) instanceof CallException call) {
            if (call.failure() == Failure.TIMED_OUT) {
                return "timeout";
            }
            if (call.getCause() instanceof ConnectException) {
                return "connect";
            }
        }
        return "io";
    }

    private void failed(int target) {
        failedByFunction.computeIfAbsent(spec.targets().get(target).function(), f -> new LongAdder()).increment();
    }

    private void error(String cause) {
        errors.computeIfAbsent(cause, k -> new LongAdder()).increment();
    }

    private void awaitInFlight(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private LoadReport report(Duration duration, long calls) {
        var percentiles = new LinkedHashMap<Double, Double>();
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            percentiles.put(p, total.getTotalCount() == 0 ? 0.0
                    : (p == 100 ? total.getMaxValue() : total.getValueAtPercentile(p)) / 1000.0);
        }
        double seconds = Math.max(0.001, duration.toNanos() / 1e9);
        var functions = new LinkedHashMap<String, LoadReport.FunctionLatency>();
        byFunction.forEach((function, histogram) -> {
            long answered = histogram.getTotalCount();
            functions.put(function, new LoadReport.FunctionLatency(answered,
                    failedByFunction.getOrDefault(function, new LongAdder()).sum(),
                    answered == 0 ? 0 : histogram.getValueAtPercentile(50) / 1000.0,
                    answered == 0 ? 0 : histogram.getValueAtPercentile(99) / 1000.0,
                    answered == 0 ? 0 : histogram.getValueAtPercentile(99.9) / 1000.0));
        });
        return new LoadReport(duration, spec.ratePerSecond(), calls / seconds, sent.sum(), ok.sum(), snapshot(errors),
                percentiles, snapshot(byWorker), functions);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        var copy = new LinkedHashMap<String, Long>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Turns the running totals into per-second deltas. */
    private final class SecondCounter {
        private final Consumer<LoadSecond> sink;
        private int second;
        private long lastSent;
        private long lastOk;
        private Map<String, Long> lastErrors = Map.of();
        private Map<String, Long> lastWorkers = Map.of();

        SecondCounter(Consumer<LoadSecond> sink) {
            this.sink = sink;
        }

        synchronized void report() {
            Histogram histogram = interval.getIntervalHistogram();
            total.add(histogram);
            long nowSent = sent.sum();
            long nowOk = ok.sum();
            var nowErrors = snapshot(errors);
            var nowWorkers = snapshot(byWorker);
            if (nowSent == lastSent && nowOk == lastOk && nowErrors.equals(lastErrors) && second > 0) {
                return;
            }
            second++;
            sink.accept(new LoadSecond(second, nowSent - lastSent, nowOk - lastOk, delta(nowErrors, lastErrors),
                    histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(50) / 1000.0,
                    histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(99) / 1000.0,
                    delta(nowWorkers, lastWorkers)));
            lastSent = nowSent;
            lastOk = nowOk;
            lastErrors = nowErrors;
            lastWorkers = nowWorkers;
        }

        private Map<String, Long> delta(Map<String, Long> now, Map<String, Long> before) {
            var delta = new LinkedHashMap<String, Long>();
            now.forEach((k, v) -> {
                long d = v - before.getOrDefault(k, 0L);
                if (d > 0) {
                    delta.put(k, d);
                }
            });
            return delta;
        }
    }
}
