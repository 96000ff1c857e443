package io.clusterdeck.lab;

import java.util.Objects;

/**
 * The gateway hops one call of a function makes, by the design alone.
 *
 * @param segment the segment that hosts the function, or null when it is in none
 * @param hops    calls that cross into another segment, the function's own and those of every function it calls,
 *                on one call of it
 * @param addedMs what those hops add to one call at the design's mean hop latency
 */
public record FunctionHops(String function, String segment, long hops, double addedMs) {
    public FunctionHops {
        Objects.requireNonNull(function, "function");
        if (hops < 0 || !(addedMs >= 0)) {
            throw new IllegalArgumentException(function + ": hops and added time must be 0 or more");
        }
    }
}
