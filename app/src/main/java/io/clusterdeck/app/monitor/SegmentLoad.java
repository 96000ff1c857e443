package io.clusterdeck.app.monitor;

import io.clusterdeck.design.Balancing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * How one segment's calls spread over its workers: per worker, calls per second over the last minute, and the
 * share of the last {@link #WINDOW} samples with how far that is from the intended split.
 *
 * <p>Fairness is the total variation distance between the shares the workers got and the shares they should get:
 * half the sum over workers of |actual − intended|. The intended split is even over the workers in rotation, or
 * in proportion to their weights for weighted balancing, and it is taken sample by sample: while a worker is out
 * of rotation its calls should go to the others, so failover that behaves reads 0%. 0% is a perfect split; 100%
 * means every call went to workers that should have had none.
 *
 * <p>With several gateways the view-model keeps one more of these for the gateways, each gateway a "worker" of it:
 * the proxy takes turns over the gateways that are up, so its intended split is even over those.
 */
public final class SegmentLoad {
    /** Samples the shares and the fairness are computed over: about ten seconds at one snapshot a second. */
    public static final int WINDOW = 10;

    private final String name;
    private final Balancing balancing;
    private final List<String> functions;
    private final Map<String, BoundedSeries> calls = new LinkedHashMap<>();
    /** The calls each worker should have had in each sample, by the split intended at that sample. */
    private final Map<String, BoundedSeries> due = new LinkedHashMap<>();
    private final ReadOnlyObjectWrapper<Map<String, Double>> shares = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyDoubleWrapper unfairness = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper callsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyIntegerWrapper workers = new ReadOnlyIntegerWrapper();
    private Map<String, Double> intended = Map.of();
    private int samples;

    SegmentLoad(String name, Balancing balancing, List<String> functions, int workers) {
        this.name = name;
        this.balancing = balancing;
        this.functions = List.copyOf(functions);
        this.workers.set(workers);
    }

    // Properties

    public String name() {
        return name;
    }

    public Balancing balancing() {
        return balancing;
    }

    public List<String> functions() {
        return functions;
    }

    /** The workers the segment runs now, in name order. */
    public List<String> workerNames() {
        return new ArrayList<>(calls.keySet());
    }

    /** Calls per second of a worker, one sample per snapshot, all workers of the segment aligned. */
    public BoundedSeries calls(String worker) {
        return calls.get(worker);
    }

    /** Samples kept so far, up to the series' capacity. */
    public int samples() {
        return Math.min(samples, ProcessRow.SERIES);
    }

    public ReadOnlyObjectProperty<Map<String, Double>> sharesProperty() {
        return shares.getReadOnlyProperty();
    }

    /** The intended share of each worker in rotation. */
    public Map<String, Double> intended() {
        return intended;
    }

    /** Distance from the intended split, 0..1; NaN while the segment served nothing in the window. */
    public ReadOnlyDoubleProperty unfairnessProperty() {
        return unfairness.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty callsPerSecondProperty() {
        return callsPerSecond.getReadOnlyProperty();
    }

    /** Workers the segment runs now. */
    public ReadOnlyIntegerProperty workersProperty() {
        return workers.getReadOnlyProperty();
    }

    public String fairnessText() {
        double d = unfairness.get();
        if (Double.isNaN(d)) {
            return "no calls yet";
        }
        return String.format("%.0f%% off the %s split", d * 100, balancing == Balancing.WEIGHTED ? "weighted" : "even");
    }

    // Updates from the view-model

    void workers(int running) {
        workers.set(running);
    }

    /**
     * Adds one sample for every worker.
     *
     * @param rates      calls per second of each worker since the previous snapshot
     * @param inRotation the workers the gateway routes to now
     * @param weights    each worker's weight
     */
    void sample(Map<String, Double> rates, List<String> inRotation, Map<String, Integer> weights, Set<String> present) {
        // A worker that is gone leaves the chart and the legend at once, however much it served.
        calls.keySet().retainAll(present);
        due.keySet().retainAll(present);
        for (var worker : present) {
            if (!calls.containsKey(worker)) {
                calls.put(worker, zeros());
                due.put(worker, zeros());
            }
        }
        intended = intendedSplit(inRotation, weights);
        double sampleTotal = 0;
        for (var worker : calls.keySet()) {
            sampleTotal += rates.getOrDefault(worker, 0.0);
        }
        for (var worker : calls.keySet()) {
            calls.get(worker).add(rates.getOrDefault(worker, 0.0));
            due.get(worker).add(sampleTotal * intended.getOrDefault(worker, 0.0));
        }
        samples++;
        callsPerSecond.set(rates.values().stream().mapToDouble(Double::doubleValue).sum());

        var sums = new LinkedHashMap<String, Double>();
        calls.forEach((worker, series) -> sums.put(worker, series.sumOfLast(WINDOW)));
        double total = sums.values().stream().mapToDouble(Double::doubleValue).sum();
        var actual = new LinkedHashMap<String, Double>();
        var shouldHave = new LinkedHashMap<String, Double>();
        sums.forEach((worker, sum) -> {
            actual.put(worker, total == 0 ? 0 : sum / total);
            shouldHave.put(worker, total == 0 ? 0 : due.get(worker).sumOfLast(WINDOW) / total);
        });
        // The figure first: views redraw when the shares change, and read it then.
        unfairness.set(total == 0 ? Double.NaN : distance(actual, shouldHave));
        shares.set(Map.copyOf(actual));
    }

    private BoundedSeries zeros() {
        var series = new BoundedSeries(ProcessRow.SERIES);
        for (int i = 0; i < samples(); i++) {
            series.add(0);
        }
        return series;
    }

    private Map<String, Double> intendedSplit(List<String> inRotation, Map<String, Integer> weights) {
        var split = new LinkedHashMap<String, Double>();
        double total = 0;
        for (var worker : inRotation) {
            total += balancing == Balancing.WEIGHTED ? Math.max(0, weights.getOrDefault(worker, 1)) : 1;
        }
        for (var worker : inRotation) {
            double weight = balancing == Balancing.WEIGHTED ? Math.max(0, weights.getOrDefault(worker, 1)) : 1;
            split.put(worker, total == 0 ? 0 : weight / total);
        }
        return split;
    }

    /** Half the sum of absolute differences over every worker in either split. */
    static double distance(Map<String, Double> actual, Map<String, Double> intended) {
        var all = new java.util.HashSet<>(actual.keySet());
        all.addAll(intended.keySet());
        double sum = 0;
        for (var worker : all) {
            sum += Math.abs(actual.getOrDefault(worker, 0.0) - intended.getOrDefault(worker, 0.0));
        }
        return sum / 2;
    }
}
