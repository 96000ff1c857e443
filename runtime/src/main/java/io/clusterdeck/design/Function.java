package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.clusterdeck.json.Checks;
import java.util.List;

/**
 * A function of the application, the unit that segments group.
 *
 * @param name       Jitar-style name such as {@code orders/checkout}
 * @param access     who may call it
 * @param idempotent whether a call may be retried on another worker after it was sent
 * @param calls      the functions it calls on each call, which is what crosses segments
 * @param simulate   its cost model, when it is simulated
 * @param java       its Java method, when it is real code; exactly one of simulate and java is set
 * @param roles      for a public function of a design with {@code auth}: a caller needs a token with one of these
 *                   roles; empty: anyone may call it
 */
public record Function(String name, String description, Access access, Boolean idempotent, List<String> calls,
                       Simulation simulate, JavaImplementation java,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> roles) {
    public Function {
        access = access == null ? Access.PRIVATE : access;
        idempotent = idempotent != null && idempotent;
        calls = calls == null ? List.of() : List.copyOf(calls);
        roles = roles == null ? List.of() : List.copyOf(roles);
        var checks = new Checks().name("name", name, Names.FUNCTION, Names.FUNCTION_RULE);
        if (simulate == null && java == null) {
            checks.fail("", "function '" + name + "' needs an implementation: 'simulate' or 'java'");
        } else if (simulate != null && java != null) {
            checks.fail("java", "function '" + name + "' has both 'simulate' and 'java'; keep one");
        }
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) == null || roles.get(i).isBlank()) {
                checks.fail("roles[" + i + "]", "a role must not be blank");
            }
        }
        checks.throwIfAny();
    }

    /** A function that requires no role. */
    public Function(String name, String description, Access access, Boolean idempotent, List<String> calls,
                    Simulation simulate, JavaImplementation java) {
        this(name, description, access, idempotent, calls, simulate, java, null);
    }

    /** A simulated public function with the given cost model. */
    public static Function simulated(String name, Access access, Simulation simulation) {
        return new Function(name, null, access, false, List.of(), simulation, null);
    }

    public boolean hasJavaImplementation() {
        return java != null;
    }

    public Function withName(String newName) {
        return new Function(newName, description, access, idempotent, calls, simulate, java, roles);
    }

    public Function withAccess(Access newAccess) {
        return new Function(name, description, newAccess, idempotent, calls, simulate, java, roles);
    }

    public Function withIdempotent(boolean newIdempotent) {
        return new Function(name, description, access, newIdempotent, calls, simulate, java, roles);
    }

    public Function withCalls(List<String> newCalls) {
        return new Function(name, description, access, idempotent, newCalls, simulate, java, roles);
    }

    public Function withSimulate(Simulation newSimulation) {
        return new Function(name, description, access, idempotent, calls, newSimulation, null, roles);
    }

    public Function withRoles(List<String> newRoles) {
        return new Function(name, description, access, idempotent, calls, simulate, java, newRoles);
    }

    public Function withDescription(String newDescription) {
        return new Function(name, newDescription, access, idempotent, calls, simulate, java, roles);
    }
}
