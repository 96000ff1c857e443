package io.clusterdeck.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.plan.PlanTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The static cost of a segmentation, known before any run: for each public function, how many gateway hops one call
 * of it makes, walking its whole tree of calls, and the latency they add at the design's mean
 * {@code network.hopLatency} (0 when the design sets none). A call to a function in another segment than its caller
 * is one hop; the callee's own hops add to it.
 *
 * @param hopLatencyMs the design's mean hop latency
 * @param functions    the public functions, in design order
 */
public record HopCost(double hopLatencyMs, List<FunctionHops> functions) {
    public HopCost {
        if (!(hopLatencyMs >= 0)) {
            throw new IllegalArgumentException("hopLatencyMs: must be 0 or more, was " + hopLatencyMs);
        }
        functions = List.copyOf(functions);
    }

    /**
     * The cost of a design's segmentation. Meant for a valid design; in one being edited, calls to unknown functions
     * count nothing and a cycle of calls is cut where the walk meets it.
     */
    public static HopCost of(Design design) {
        var latency = design.network().hopLatency();
        double hopMs = latency == null ? 0 : latency.meanMs();
        var hops = hopsPerCall(design);
        var rows = new ArrayList<FunctionHops>();
        for (var function : design.functions()) {
            if (function.access() == Access.PUBLIC) {
                long n = hops.get(function.name());
                rows.add(new FunctionHops(function.name(), design.segmentOf(function.name()).map(s -> s.name())
                        .orElse(null), n, n * hopMs));
            }
        }
        return new HopCost(hopMs, rows);
    }

    /**
     * Hops per call of every function of a design, by a depth-first walk with a stack of its own (a chain of
     * thousands of functions must not overflow the thread's stack) that visits each function once. Counts saturate
     * at {@link Long#MAX_VALUE}: fan-outs that repeat at every level grow as powers.
     */
    public static Map<String, Long> hopsPerCall(Design design) {
        var byName = new HashMap<String, Function>();
        var segmentOf = new HashMap<String, String>();
        for (var function : design.functions()) {
            byName.putIfAbsent(function.name(), function);
        }
        for (var segment : design.segments()) {
            segment.functions().forEach(f -> segmentOf.putIfAbsent(f, segment.name()));
        }
        var memo = new HashMap<String, Long>();
        var entered = new HashSet<String>();
        var stack = new ArrayDeque<String>();
        for (var start : byName.keySet()) {
            stack.push(start);
            while (!stack.isEmpty()) {
                var name = stack.peek();
                if (memo.containsKey(name)) {
                    stack.pop();
                } else if (entered.add(name)) {
                    for (var callee : byName.get(name).calls()) {
                        if (byName.containsKey(callee) && !entered.contains(callee)) {
                            stack.push(callee);
                        }
                    }
                } else {
                    stack.pop();
                    long total = 0;
                    for (var callee : byName.get(name).calls()) {
                        if (byName.containsKey(callee)) {
                            long own = Objects.equals(segmentOf.get(name), segmentOf.get(callee)) ? 0 : 1;
                            // A callee still open is on a cycle: it counts its own hop only.
                            total = plus(total, plus(own, memo.getOrDefault(callee, 0L)));
                        }
                    }
                    memo.put(name, total);
                }
            }
        }
        return memo;
    }

    /** The mean hops per call over the public functions (0 when there are none). */
    @JsonProperty
    public double meanHops() {
        return functions.stream().mapToDouble(FunctionHops::hops).average().orElse(0);
    }

    /** The mean latency the hops add per call over the public functions, in milliseconds. */
    @JsonProperty
    public double meanAddedMs() {
        return meanHops() * hopLatencyMs;
    }

    public Optional<FunctionHops> function(String name) {
        return functions.stream().filter(f -> f.function().equals(name)).findFirst();
    }

    /** The cost as a short plain-text table, one public function a row, then the mean. */
    public String render() {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("FUNCTION", "SEGMENT", "HOPS/CALL", "ADDED MS"));
        for (var f : functions) {
            rows.add(List.of(f.function(), f.segment() == null ? "-" : f.segment(), Long.toString(f.hops()),
                    Figures.format(f.addedMs())));
        }
        return "Gateway hops per call of each public function (hop latency " + Figures.format(hopLatencyMs)
                + " ms)\n\n" + PlanTable.table(rows) + "\nMean per public function: " + Figures.format(meanHops())
                + " hops, " + Figures.format(meanAddedMs()) + " ms\n";
    }

    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
