package io.clusterdeck.plan;

import io.clusterdeck.design.Balancing;
import java.util.List;

/**
 * How the gateway routes one segment's calls.
 *
 * @param workers how many workers the plan starts for it (workers register themselves; this is for display)
 */
public record SegmentRoute(String name, Balancing balancing, List<String> functions, int workers) {
    public SegmentRoute {
        functions = functions == null ? List.of() : List.copyOf(functions);
        balancing = balancing == null ? Balancing.ROUND_ROBIN : balancing;
    }
}
