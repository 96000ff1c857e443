package io.clusterdeck.app.designer;

import io.clusterdeck.design.Design;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls from the functions of one segment to functions of another: what crosses the network once the design runs.
 *
 * @param count how many distinct caller-callee pairs cross from {@code from} to {@code to}
 */
public record CrossCall(String from, String to, int count) {
    /** Every pair of segments with calls between them, in segment order. */
    public static List<CrossCall> of(Design design) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (var segment : design.segments()) {
            for (var caller : segment.functions()) {
                var function = design.function(caller);
                if (function.isEmpty()) {
                    continue;
                }
                for (var callee : function.get().calls()) {
                    design.segmentOf(callee)
                            .filter(target -> !target.name().equals(segment.name()))
                            .ifPresent(target -> counts.merge(List.of(segment.name(), target.name()), 1, Integer::sum));
                }
            }
        }
        var calls = new ArrayList<CrossCall>();
        counts.forEach((pair, count) -> calls.add(new CrossCall(pair.get(0), pair.get(1), count)));
        return List.copyOf(calls);
    }

    public String label() {
        return count == 1 ? "1 call" : count + " calls";
    }
}
