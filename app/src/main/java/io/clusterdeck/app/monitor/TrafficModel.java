package io.clusterdeck.app.monitor;

import io.clusterdeck.load.LoadSecond;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The traffic generator: which public functions to call and how many calls a second in all, started and stopped
 * from the monitor. Each chosen function gets its own stream so that its latency is known on its own.
 */
public final class TrafficModel {
    public static final double MAX_RATE = 5_000;

    private final Map<String, BooleanProperty> chosen = new LinkedHashMap<>();
    private final DoubleProperty rate = new SimpleDoubleProperty(50);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final BoundedSeries ok = new BoundedSeries(ProcessRow.SERIES);
    private final BoundedSeries errors = new BoundedSeries(ProcessRow.SERIES);
    private final BoundedSeries p99 = new BoundedSeries(ProcessRow.SERIES);
    private final ReadOnlyObjectWrapper<Second> latest = new ReadOnlyObjectWrapper<>(Second.NONE);
    private final ReadOnlyObjectWrapper<Map<String, LoadSecond>> byFunction = new ReadOnlyObjectWrapper<>(Map.of());
    private final Map<String, LoadSecond> pending = new LinkedHashMap<>();
    private final List<ClusterSource.Traffic> streams = new ArrayList<>();
    private Instant lastSample;
    private Map<String, Long> answeredByWorker = Map.of();

    TrafficModel(List<String> functions) {
        functions.forEach(f -> chosen.put(f, new SimpleBooleanProperty(true)));
    }

    /** One second of traffic over every stream; latencies are NaN when no call was answered. */
    public record Second(long ok, long errors, double p50Ms, double p99Ms) {
        static final Second NONE = new Second(0, 0, Double.NaN, Double.NaN);
    }

    // Properties

    /** The functions that can be called from outside, in the design's order. */
    public List<String> functions() {
        return List.copyOf(chosen.keySet());
    }

    public BooleanProperty chosenProperty(String function) {
        return chosen.get(function);
    }

    /** Calls a second over all chosen functions. */
    public DoubleProperty rateProperty() {
        return rate;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Second> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** The latest second of each function's stream. */
    public ReadOnlyObjectProperty<Map<String, LoadSecond>> byFunctionProperty() {
        return byFunction.getReadOnlyProperty();
    }

    public BoundedSeries okSeries() {
        return ok;
    }

    public BoundedSeries errorSeries() {
        return errors;
    }

    public BoundedSeries p99Series() {
        return p99;
    }

    /** Calls each worker answered in the latest sample, as the callers saw them. */
    Map<String, Long> answeredByWorker() {
        return answeredByWorker;
    }

    // Commands (called by the view-model, on the FX thread)

    /** Starts a stream per chosen function; returns a sentence for the user when nothing can start. */
    String start(ClusterSource source, Executor executor, BiConsumer<String, LoadSecond> sink) {
        var functions = chosen.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        if (running.get()) {
            return null;
        }
        if (functions.isEmpty()) {
            return "Choose at least one function to call.";
        }
        double total = Math.max(1, Math.min(MAX_RATE, rate.get()));
        double each = total / functions.size();
        running.set(true);
        executor.execute(() -> {
            for (var function : functions) {
                var stream = source.startTraffic(function, each, second -> sink.accept(function, second));
                synchronized (streams) {
                    streams.add(stream);
                }
            }
        });
        return null;
    }

    /** Stops every stream; the figures of the last second go too, so nothing reads as if traffic still ran. */
    void stop(Executor executor) {
        running.set(false);
        pending.clear();
        answeredByWorker = Map.of();
        latest.set(Second.NONE);
        byFunction.set(Map.of());
        List<ClusterSource.Traffic> stopping;
        synchronized (streams) {
            stopping = new ArrayList<>(streams);
            streams.clear();
        }
        executor.execute(() -> stopping.forEach(ClusterSource.Traffic::stop));
    }

    void failed() {
        running.set(false);
    }

    // Updates from the view-model

    void second(String function, LoadSecond second) {
        if (running.get()) {
            // A second that was on its way when the traffic stopped is not shown.
            pending.put(function, second);
        }
    }

    /** Folds the seconds every stream reported into one sample, at most once a second. */
    boolean tick(Instant now) {
        if (pending.isEmpty() || lastSample != null && Duration.between(lastSample, now).toMillis() < 1000) {
            return false;
        }
        long okCalls = 0;
        long failed = 0;
        double weightedP50 = 0;
        double worstP99 = 0;
        for (var second : pending.values()) {
            okCalls += second.ok();
            failed += second.failed();
            weightedP50 += second.p50Ms() * second.ok();
            worstP99 = Math.max(worstP99, second.p99Ms());
        }
        var answered = new LinkedHashMap<String, Long>();
        for (var second : pending.values()) {
            second.byWorker().forEach((worker, calls) -> answered.merge(worker, calls, Long::sum));
        }
        answeredByWorker = Map.copyOf(answered);
        var merged = new LinkedHashMap<>(byFunction.get());
        merged.putAll(pending);
        byFunction.set(Map.copyOf(merged));
        pending.clear();
        var sample = new Second(okCalls, failed, okCalls == 0 ? Double.NaN : weightedP50 / okCalls,
                okCalls == 0 ? Double.NaN : worstP99);
        ok.add(sample.ok());
        errors.add(sample.errors());
        p99.add(okCalls == 0 ? 0 : sample.p99Ms());
        latest.set(sample);
        lastSample = now;
        return true;
    }
}
