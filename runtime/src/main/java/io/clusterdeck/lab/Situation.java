package io.clusterdeck.lab;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Segment;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a rule looks at: the design as earlier advice left it, the profile, the options, and the segments earlier
 * advice changed (which later rules leave alone where they would undo it). Functions are grouped by the design's
 * segments, not by those of the recording, so advice fits the design it changes.
 */
record Situation(Design design, Profile profile, AdviceOptions options, Set<String> touched) {
    Situation {
        touched = Set.copyOf(touched);
    }

    /** A function's figures when it answered at least one call during the recording. */
    Optional<FunctionProfile> measured(String function) {
        return profile.function(function).filter(f -> f.calls() > 0);
    }

    /** The measured functions of a segment, in segment order. */
    List<FunctionProfile> measuredIn(Segment segment) {
        return segment.functions().stream().flatMap(f -> measured(f).stream()).toList();
    }

    double rate(FunctionProfile function) {
        return function.calls() / profile.seconds();
    }

    /** CPU cores a function kept busy on average over the recording. */
    double cpuCores(FunctionProfile function) {
        return rate(function) * function.cpuMsPerCall() / 1000;
    }

    /** CPU cores a segment's functions kept busy on average over the recording. */
    double cpuCores(Segment segment) {
        return measuredIn(segment).stream().mapToDouble(this::cpuCores).sum();
    }

    boolean servesPublic(Segment segment) {
        return segment.functions().stream().anyMatch(f -> design.function(f)
                .map(d -> d.access() == Access.PUBLIC).orElse(false));
    }

    /** Calls from functions of one segment to functions of another over the recording. */
    long callsBetween(Segment from, Segment to) {
        return profile.calls().stream()
                .filter(c -> from.functions().contains(c.from()) && to.functions().contains(c.to()))
                .mapToLong(CallProfile::count).sum();
    }
}
