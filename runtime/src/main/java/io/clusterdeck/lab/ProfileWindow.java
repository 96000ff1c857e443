package io.clusterdeck.lab;

import io.clusterdeck.design.Design;
import io.clusterdeck.lab.WorkerSample.CallSample;
import io.clusterdeck.lab.WorkerSample.FunctionSample;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What happened between two samples of the same workers: the later totals less the earlier ones, summed over the
 * workers of each function. A worker that started in between (or restarted: its totals went down) counts from
 * zero; one that stopped in between is left out, with the calls it served.
 */
public final class ProfileWindow {
    private ProfileWindow() {
    }

    /** The profile of {@code design} over the {@code seconds} between the two samples. */
    public static Profile between(Design design, List<WorkerSample> before, List<WorkerSample> after, double seconds) {
        var earlier = new HashMap<String, Map<String, FunctionSample>>();
        var earlierCalls = new HashMap<String, Map<List<Object>, CallSample>>();
        for (var sample : before) {
            earlier.put(sample.worker(), byName(sample.functions()));
            var calls = new HashMap<List<Object>, CallSample>();
            sample.calls().forEach(call -> calls.put(key(call), call));
            earlierCalls.put(sample.worker(), calls);
        }
        var functions = new TreeMap<String, Totals>();
        var calls = new TreeMap<String, CallTotals>();
        for (var sample : after) {
            var was = earlier.getOrDefault(sample.worker(), Map.of());
            boolean restarted = sample.functions().stream().anyMatch(f -> was.containsKey(f.name())
                    && f.calls() < was.get(f.name()).calls());
            for (var function : sample.functions()) {
                var start = restarted ? null : was.get(function.name());
                functions.computeIfAbsent(function.name(), n -> new Totals(segmentOf(design, n, sample.segment())))
                        .add(function, start);
            }
            var wasCalls = restarted ? Map.<List<Object>, CallSample>of() : earlierCalls.getOrDefault(sample.worker(), Map.of());
            for (var call : sample.calls()) {
                var start = wasCalls.get(key(call));
                calls.computeIfAbsent(call.from() + "\n" + call.to() + "\n" + call.crossesGateway(),
                        k -> new CallTotals(call.from(), call.to(), call.crossesGateway())).add(call, start);
            }
        }
        var functionProfiles = new ArrayList<FunctionProfile>();
        functions.forEach((name, totals) -> functionProfiles.add(totals.profile(name)));
        var means = new HashMap<String, Double>();
        functionProfiles.forEach(f -> means.put(f.name(), f.meanMs()));
        var callProfiles = new ArrayList<CallProfile>();
        calls.values().stream().filter(c -> c.count > 0).forEach(c -> callProfiles.add(c.profile(means)));
        return new Profile(Profile.FORMAT_VERSION, design.name(), round(seconds), functionProfiles, callProfiles);
    }

    private static String segmentOf(Design design, String function, String fallback) {
        return design.segments().stream().filter(s -> s.functions().contains(function)).map(s -> s.name())
                .findFirst().orElse(fallback);
    }

    private static Map<String, FunctionSample> byName(List<FunctionSample> functions) {
        var map = new HashMap<String, FunctionSample>();
        functions.forEach(f -> map.put(f.name(), f));
        return map;
    }

    private static List<Object> key(CallSample call) {
        return List.of(call.from(), call.to(), call.crossesGateway());
    }

    /** One function's figures over the window, all workers together. */
    private static final class Totals {
        final String segment;
        long calls;
        long errors;
        long cpuNanos;
        long wallNanos;
        Histogram latency;

        Totals(String segment) {
            this.segment = segment;
        }

        void add(FunctionSample now, FunctionSample start) {
            calls += now.calls() - (start == null ? 0 : start.calls());
            errors += now.errors() - (start == null ? 0 : start.errors());
            cpuNanos += now.cpuNanos() - (start == null ? 0 : start.cpuNanos());
            wallNanos += now.wallNanos() - (start == null ? 0 : start.wallNanos());
            var histogram = decode(now.latency());
            if (histogram == null) {
                return;
            }
            var earlier = start == null ? null : decode(start.latency());
            if (earlier != null) {
                histogram.subtract(earlier);
            }
            if (latency == null) {
                latency = histogram;
            } else {
                latency.add(histogram);
            }
        }

        FunctionProfile profile(String name) {
            boolean any = calls > 0;
            double mean = any ? wallNanos / (double) calls / 1e6 : 0;
            double cpu = any ? Math.max(0, cpuNanos) / (double) calls / 1e6 : 0;
            boolean measured = latency != null && latency.getTotalCount() > 0;
            return new FunctionProfile(name, segment, Math.max(0, calls), Math.max(0, Math.min(errors, calls)), round(cpu),
                    round(mean), measured ? percentile(50) : 0, measured ? percentile(90) : 0,
                    measured ? percentile(99) : 0, measured ? latency.getMaxValue() / 1000.0 : 0);
        }

        private double percentile(double p) {
            return latency.getValueAtPercentile(p) / 1000.0;
        }
    }

    /** The calls from one function to another over the window. */
    private static final class CallTotals {
        final String from;
        final String to;
        final boolean crossesGateway;
        long count;
        long nanos;

        CallTotals(String from, String to, boolean crossesGateway) {
            this.from = from;
            this.to = to;
            this.crossesGateway = crossesGateway;
        }

        void add(CallSample now, CallSample start) {
            count += now.count() - (start == null ? 0 : start.count());
            nanos += now.nanos() - (start == null ? 0 : start.nanos());
        }

        CallProfile profile(Map<String, Double> calleeMeans) {
            double mean = nanos / (double) count / 1e6;
            double hop = crossesGateway ? Math.max(0, mean - calleeMeans.getOrDefault(to, 0.0)) : 0;
            return new CallProfile(from, to, count, crossesGateway, round(mean), round(hop));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static Histogram decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a latency histogram in the sample is damaged: " + e.getMessage(), e);
        }
    }
}
