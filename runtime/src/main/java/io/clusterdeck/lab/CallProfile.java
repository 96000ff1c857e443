package io.clusterdeck.lab;

import io.clusterdeck.json.InvalidValueException;
import io.clusterdeck.json.Violation;
import java.util.ArrayList;
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
        var violations = new ArrayList<Violation>();
        if (count < 0) {
            violations.add(new Violation("count", "must be 0 or more, was " + count));
        }
        if (!(meanMs >= 0)) {
            violations.add(new Violation("meanMs", "must be 0 or more, was " + meanMs));
        }
        if (!(hopMs >= 0)) {
            violations.add(new Violation("hopMs", "must be 0 or more, was " + hopMs));
        }
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }
}
