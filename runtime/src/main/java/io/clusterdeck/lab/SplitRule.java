package io.clusterdeck.lab;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Split: a function much heavier than the rest of its segment gets a segment of its own, since the light functions
 * otherwise queue behind it on the same workers, and it can then be balanced on its own (Jitar's roadmap: "if you
 * have multiple heavy functions, it's better to put them in a separate segment").
 *
 * <p>Heavy means either of: its CPU per call is at least {@link #HEAVY_FACTOR} times the median of the segment's
 * other measured functions and it uses at least {@link #MIN_SHARE} of the segment's CPU; or its latency (p50 or
 * mean) is at least that factor times the others' median and it takes that share of the segment's busy time
 * (calls times mean latency). Medians below {@link #CPU_FLOOR_MS} and {@link #LATENCY_FLOOR_MS} count as those
 * floors, so that near-zero neighbours do not make a small figure look heavy.
 *
 * <p>The functions of the segment that only the heavy function calls, directly or through each other, go with it,
 * so the split adds no hop to its own calls; the others it is compared with are the rest. A function whose split would take the whole
 * segment is left where it is.
 */
final class SplitRule {
    static final double HEAVY_FACTOR = 5;
    static final double MIN_SHARE = 0.2;
    static final double CPU_FLOOR_MS = 0.1;
    static final double LATENCY_FLOOR_MS = 1;

    private SplitRule() {
    }

    static List<Advice> propose(Situation situation) {
        var advice = new ArrayList<Advice>();
        var design = situation.design();
        var taken = new HashSet<String>();
        design.segments().forEach(s -> taken.add(s.name()));
        for (var segment : situation.design().segments()) {
            var measured = situation.measuredIn(segment);
            var moved = new HashSet<String>();
            for (var function : measured) {
                if (moved.contains(function.name())) {
                    continue;
                }
                var group = withSubfunctions(situation.design(), segment, function.name());
                var others = measured.stream().filter(f -> !group.contains(f.name()) && !moved.contains(f.name()))
                        .toList();
                var heavy = others.isEmpty() ? null : heaviness(situation, segment, others, function);
                if (heavy == null) {
                    continue;
                }
                var name = DesignEdits.segmentName(function.name(), taken);
                taken.add(name);
                moved.addAll(group);
                String from = segment.name();
                var after = DesignEdits.split(design, group, from, name);
                int left = after.segment(from).orElseThrow().functions().size();
                var along = group.subList(1, group.size());
                advice.add(new Advice(AdviceKind.SPLIT, group, List.of(from, name),
                        "Give " + function.name() + " a segment of its own, '" + name + "'"
                                + (along.isEmpty() ? "" : ", with the functions only it calls (" + String.join(", ", along)
                                + ")") + ": the other functions of '" + from + "' queue behind its calls.",
                        evidence(function, from, heavy), figures(function, heavy),
                        "'" + from + "' keeps " + left + (left == 1 ? " function that no longer waits" : " functions that no longer wait")
                                + " behind " + function.name() + ", which is balanced and sized on its own; "
                                + HopChange.between(design, after) + ".",
                        d -> DesignEdits.split(d, group, from, name)));
                design = after;
            }
        }
        return advice;
    }

    /**
     * A function and the functions of its segment that only it calls, directly or through them (Jitar's
     * roadmap: "these are the functions (including their subfunctions) you want to apply load balancing to"), in
     * segment order after the function itself.
     */
    static List<String> withSubfunctions(Design design, Segment segment, String function) {
        var group = new LinkedHashSet<String>();
        group.add(function);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var name : segment.functions()) {
                if (!group.contains(name) && onlyCalledBy(design, name, group)) {
                    group.add(name);
                    grew = true;
                }
            }
        }
        return List.copyOf(group);
    }

    private static boolean onlyCalledBy(Design design, String function, Set<String> group) {
        var callers = design.functions().stream().filter(f -> f.calls().contains(function)).map(Function::name).toList();
        return !callers.isEmpty() && group.containsAll(callers);
    }

    /** Why a function is heavy beside the other measured functions of its segment, or null when it is not. */
    private static Heaviness heaviness(Situation situation, Segment segment, List<FunctionProfile> others,
                                       FunctionProfile function) {
        var measured = situation.measuredIn(segment);
        double cpuMedian = Figures.median(others.stream().map(FunctionProfile::cpuMsPerCall).toList());
        double p50Median = Figures.median(others.stream().map(FunctionProfile::p50Ms).toList());
        double meanMedian = Figures.median(others.stream().map(FunctionProfile::meanMs).toList());
        double cpuRatio = function.cpuMsPerCall() / Math.max(cpuMedian, CPU_FLOOR_MS);
        double latencyRatio = Math.max(function.p50Ms() / Math.max(p50Median, LATENCY_FLOOR_MS),
                function.meanMs() / Math.max(meanMedian, LATENCY_FLOOR_MS));
        double segmentCpu = situation.cpuCores(segment);
        double cpuShare = segmentCpu == 0 ? 0 : situation.cpuCores(function) / segmentCpu;
        double busy = measured.stream().mapToDouble(f -> f.calls() * f.meanMs()).sum();
        double busyShare = busy == 0 ? 0 : function.calls() * function.meanMs() / busy;
        boolean byCpu = cpuRatio >= HEAVY_FACTOR && cpuShare >= MIN_SHARE;
        boolean byLatency = latencyRatio >= HEAVY_FACTOR && busyShare >= MIN_SHARE;
        if (!byCpu && !byLatency) {
            return null;
        }
        return new Heaviness(byCpu, byLatency, cpuMedian, p50Median, cpuRatio, latencyRatio, cpuShare, busyShare,
                situation.rate(function));
    }

    private record Heaviness(boolean byCpu, boolean byLatency, double cpuMedian, double p50Median, double cpuRatio,
                             double latencyRatio, double cpuShare, double busyShare, double rate) {
    }

    private static String evidence(FunctionProfile function, String segment, Heaviness heavy) {
        var parts = new ArrayList<String>();
        if (heavy.byCpu()) {
            parts.add(Figures.format(function.cpuMsPerCall()) + " ms CPU per call, " + Figures.format(heavy.cpuRatio())
                    + "x the median of the other functions of '" + segment + "' (" + Figures.format(heavy.cpuMedian())
                    + " ms); " + Figures.percent(heavy.cpuShare()) + " of the segment's CPU");
        }
        if (heavy.byLatency()) {
            parts.add("p50 " + Figures.format(function.p50Ms()) + " ms and mean " + Figures.format(function.meanMs())
                    + " ms, " + Figures.format(heavy.latencyRatio()) + "x the others' median (p50 "
                    + Figures.format(heavy.p50Median()) + " ms); " + Figures.percent(heavy.busyShare())
                    + " of the segment's busy time");
        }
        return String.join("; ", parts) + "; " + Figures.format(heavy.rate()) + " calls/s.";
    }

    private static List<Figure> figures(FunctionProfile function, Heaviness heavy) {
        return List.of(new Figure("cpuMsPerCall", function.cpuMsPerCall(), "ms"),
                new Figure("othersMedianCpuMsPerCall", heavy.cpuMedian(), "ms"),
                new Figure("cpuRatio", heavy.cpuRatio(), "x"),
                new Figure("cpuShare", heavy.cpuShare(), "share"),
                new Figure("p50Ms", function.p50Ms(), "ms"),
                new Figure("meanMs", function.meanMs(), "ms"),
                new Figure("othersMedianP50Ms", heavy.p50Median(), "ms"),
                new Figure("latencyRatio", heavy.latencyRatio(), "x"),
                new Figure("busyShare", heavy.busyShare(), "share"),
                new Figure("callsPerSecond", heavy.rate(), "calls/s"));
    }
}
