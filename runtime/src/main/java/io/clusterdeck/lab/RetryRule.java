package io.clusterdeck.lab;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Segment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Non-idempotent across the gateway: the gateway retries a call that failed after it was sent only for idempotent
 * functions, so a worker lost in the middle of a call to a non-idempotent function from another segment fails that
 * call for good. Flagged whenever the design routes such a call through the gateway, with the calls measured.
 *
 * <p>The edit moves the function into its callers' segment when that is the only segment calling it, the function
 * is private (no one else calls it through the gateway) and its own segment was not made by earlier advice;
 * otherwise the advice changes nothing and says what would.
 */
final class RetryRule {
    private RetryRule() {
    }

    static List<Advice> propose(Situation situation) {
        var design = situation.design();
        var advice = new ArrayList<Advice>();
        for (var callee : situation.design().functions()) {
            var current = design;
            String home = segmentOf(current, callee.name());
            var callers = current.functions().stream().filter(f -> f.calls().contains(callee.name())).toList();
            var across = callers.stream().filter(f -> !Objects.equals(segmentOf(current, f.name()), home)).toList();
            if (callee.idempotent() || across.isEmpty()) {
                continue;
            }
            var callerSegments = new LinkedHashSet<String>();
            callers.forEach(f -> callerSegments.add(segmentOf(current, f.name())));
            boolean movable = callee.access() == Access.PRIVATE && callerSegments.size() == 1
                    && !situation.touched().contains(home);
            String target = callerSegments.iterator().next();
            long measured = across.stream().mapToLong(f -> situation.profile().callsFrom(f.name()).stream()
                    .filter(c -> c.to().equals(callee.name())).mapToLong(CallProfile::count).sum()).sum();
            double rate = measured / situation.profile().seconds();
            var after = movable ? DesignEdits.move(design, callee.name(), target) : design;
            advice.add(new Advice(AdviceKind.NON_IDEMPOTENT_HOP, List.of(callee.name()),
                    movable ? List.of(home, target) : List.of(home),
                    callee.name() + " is not idempotent and is called across the gateway: a call that fails after it"
                            + " was sent cannot be retried on another worker.",
                    "Called from " + names(across) + " in another segment; " + Figures.format(rate)
                            + " calls/s across the gateway measured.",
                    List.of(new Figure("crossCallsPerSecond", rate, "calls/s")),
                    movable ? "Moved into '" + target + "', its only callers' segment, its calls stay inside the worker"
                            + " and fail only with their caller; " + HopChange.between(design, after) + "."
                            : "No automatic change: " + why(callee, callerSegments, situation.touched().contains(home))
                            + "; make it idempotent (an idempotency key) or keep its callers with it.",
                    movable ? d -> DesignEdits.move(d, callee.name(), target) : null));
            design = after;
        }
        return advice;
    }

    private static String why(Function callee, LinkedHashSet<String> callerSegments, boolean touched) {
        if (callee.access() != Access.PRIVATE) {
            return "it is " + callee.access().json() + ", so it is called through the gateway from outside its callers"
                    + " too";
        }
        if (callerSegments.size() > 1) {
            return "its callers are in " + callerSegments.size() + " segments";
        }
        return touched ? "earlier advice gave it its segment" : "nothing to move";
    }

    private static String segmentOf(Design design, String function) {
        return design.segmentOf(function).map(Segment::name).orElse(null);
    }

    private static String names(List<Function> functions) {
        return String.join(", ", functions.stream().map(Function::name).toList());
    }
}
