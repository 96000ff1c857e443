package io.clusterdeck.lab;

import java.util.Objects;

/**
 * The calls one function made to another over a recording.
 *
 * @param crossesGateway whether they left the caller's worker through the gateway
 * @param meanMs         the mean time the caller waited for one answer
 * @param hopMs          what the gateway hop added to one call: the wait less the callee's own time (0 in-process)
 */
public record CallProfile(String from, String to, long count, boolean crossesGateway, double meanMs, double hopMs) {
    public CallProfile {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (count < 0 || !(meanMs >= 0) || !(hopMs >= 0)) {
            throw new IllegalArgumentException(from + " -> " + to + ": counts and times must be 0 or more");
        }
    }
}
