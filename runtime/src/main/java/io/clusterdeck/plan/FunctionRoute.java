package io.clusterdeck.plan;

import io.clusterdeck.design.Access;
import java.util.List;

/**
 * What the gateway and proxy need to know of one function: where it runs, who may call it, if retries are safe.
 *
 * @param callers the functions that call it in the design, which alone may call it when it is private; null when
 *                not known (then any function may)
 */
public record FunctionRoute(String name, String segment, Access access, boolean idempotent, List<String> callers) {
    public FunctionRoute {
        callers = callers == null ? null : List.copyOf(callers);
    }

    public FunctionRoute(String name, String segment, Access access, boolean idempotent) {
        this(name, segment, access, idempotent, null);
    }

    /** Whether a call made on behalf of {@code function} may reach this function, as far as the design says. */
    public boolean callableBy(String function) {
        return callers == null || callers.contains(function);
    }
}
