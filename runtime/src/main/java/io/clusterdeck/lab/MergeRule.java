package io.clusterdeck.lab;

import io.clusterdeck.design.Segment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Merge: when the functions of one segment call those of another on most requests, every request pays gateway hops
 * that buy nothing if the two segments are alike; one segment serves them without the hops (Jitar's roadmap: "using
 * multiple services always leads to performance loss due to network latency").
 *
 * <p>A caller segment's entry functions are those no function of the same segment calls. The rule fires when the
 * calls from the caller's functions to the other segment's, per call of the caller's entry functions, are at least
 * {@link #MIN_CALLS_PER_REQUEST}, and the two segments' CPU per call (weighted by calls) are within a factor of
 * {@link #MAX_CPU_FACTOR}. The segment with fewer measured calls joins the busier one (the caller on a tie), which
 * keeps its name and policies and runs the workers of both (sizing adjusts them next). Each segment merges once per advice, the strongest pair first; a
 * segment that earlier advice changed is left alone.
 */
final class MergeRule {
    static final double MIN_CALLS_PER_REQUEST = 0.5;
    static final double MAX_CPU_FACTOR = 3;

    private MergeRule() {
    }

    private record Pair(Segment caller, Segment callee, List<String> entries, long entryCalls, long crossCalls,
                        double callerCpu, double calleeCpu) {
        double perRequest() {
            return crossCalls / (double) entryCalls;
        }

        double cpuFactor() {
            return Math.max(callerCpu, calleeCpu) / Math.max(Math.min(callerCpu, calleeCpu), SplitRule.CPU_FLOOR_MS);
        }
    }

    static List<Advice> propose(Situation situation) {
        var pairs = new ArrayList<Pair>();
        for (var caller : situation.design().segments()) {
            for (var callee : situation.design().segments()) {
                if (caller != callee && !situation.touched().contains(caller.name())
                        && !situation.touched().contains(callee.name())) {
                    var pair = pair(situation, caller, callee);
                    if (pair != null && pair.perRequest() >= MIN_CALLS_PER_REQUEST && pair.cpuFactor() <= MAX_CPU_FACTOR) {
                        pairs.add(pair);
                    }
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::perRequest).reversed()
                .thenComparing(p -> p.caller().name()).thenComparing(p -> p.callee().name()));
        var merged = new HashSet<String>();
        var design = situation.design();
        var advice = new ArrayList<Advice>();
        for (var pair : pairs) {
            String caller = pair.caller().name();
            String callee = pair.callee().name();
            boolean calleeBusier = calls(situation, pair.callee()) > calls(situation, pair.caller());
            String into = calleeBusier ? callee : caller;
            String from = calleeBusier ? caller : callee;
            if (merged.contains(into) || merged.contains(from)) {
                continue;
            }
            merged.add(into);
            merged.add(from);
            var after = DesignEdits.merge(design, into, from);
            advice.add(new Advice(AdviceKind.MERGE, situation.design().segment(from).orElseThrow().functions(),
                    List.of(into, from),
                    "Merge '" + from + "' into '" + into + "': '" + caller + "' calls '" + callee + "' on most requests,"
                            + " through the gateway, and the two do alike work.",
                    "'" + caller + "' calls '" + callee + "' " + Figures.format(pair.perRequest()) + "x per call of its"
                            + " entry functions (" + String.join(", ", pair.entries()) + "), "
                            + Figures.format(pair.crossCalls() / situation.profile().seconds()) + " calls/s; CPU per call "
                            + Figures.format(pair.callerCpu()) + " ms in '" + caller + "' and "
                            + Figures.format(pair.calleeCpu()) + " ms in '" + callee + "' (" + Figures.format(pair.cpuFactor())
                            + "x).",
                    List.of(new Figure("callsPerRequest", pair.perRequest(), "x"),
                            new Figure("crossCallsPerSecond", pair.crossCalls() / situation.profile().seconds(), "calls/s"),
                            new Figure("callerCpuMsPerCall", pair.callerCpu(), "ms"),
                            new Figure("calleeCpuMsPerCall", pair.calleeCpu(), "ms"),
                            new Figure("cpuFactor", pair.cpuFactor(), "x")),
                    "Those calls stay inside the worker; " + HopChange.between(design, after) + "; '" + into
                            + "' runs " + Figures.workers(after.segment(into).orElseThrow().workers())
                            + " until sizing says otherwise.",
                    d -> DesignEdits.merge(d, into, from)));
            design = after;
        }
        return advice;
    }

    private static Pair pair(Situation situation, Segment caller, Segment callee) {
        var internal = new HashSet<String>();
        for (var name : caller.functions()) {
            situation.design().function(name).ifPresent(f -> internal.addAll(f.calls()));
        }
        var entries = caller.functions().stream().filter(f -> !internal.contains(f))
                .filter(f -> situation.measured(f).isPresent()).toList();
        long entryCalls = entries.stream().mapToLong(f -> situation.measured(f).orElseThrow().calls()).sum();
        long cross = situation.callsBetween(caller, callee);
        if (entryCalls == 0 || cross == 0) {
            return null;
        }
        return new Pair(caller, callee, entries, entryCalls, cross, cpuPerCall(situation, caller),
                cpuPerCall(situation, callee));
    }

    private static long calls(Situation situation, Segment segment) {
        return situation.measuredIn(segment).stream().mapToLong(FunctionProfile::calls).sum();
    }

    /** A segment's CPU per call, weighted by calls. */
    private static double cpuPerCall(Situation situation, Segment segment) {
        var measured = situation.measuredIn(segment);
        long calls = measured.stream().mapToLong(FunctionProfile::calls).sum();
        return calls == 0 ? 0 : measured.stream().mapToDouble(f -> f.calls() * f.cpuMsPerCall()).sum() / calls;
    }
}
