package io.clusterdeck.security;

import io.clusterdeck.http.ServiceException;
import io.clusterdeck.security.ClusterTokens.Caller;
import java.util.Optional;

/**
 * Who may call a function from where it enters the cluster: public functions anyone; protected functions members
 * holding a cluster token (401 without one); private functions only other functions, whose tokens name the
 * calling function (403 otherwise).
 */
public final class MemberAccess {
    private MemberAccess() {
    }

    /** As {@link #check(io.clusterdeck.design.Access, String, Optional)}; a private function also checks the caller is one the design lets call it. */
    public static void check(io.clusterdeck.plan.FunctionRoute route, Optional<Caller> caller) {
        check(route.access(), route.name(), caller);
        if (route.access() == io.clusterdeck.design.Access.PRIVATE && !route.callableBy(caller.get().function())) {
            throw ServiceException.forbidden("'" + route.name() + "' is private and '" + caller.get().function()
                    + "' does not call it in the design");
        }
    }

    public static void check(io.clusterdeck.design.Access access, String function, Optional<Caller> caller) {
        switch (access) {
            case PUBLIC:
                return;
            case PROTECTED:
                if (caller.isEmpty()) {
                    throw ServiceException.unauthorized("'" + function + "' is protected: it needs a cluster token");
                }
                return;
            case PRIVATE:
            default:
                if (caller.isEmpty() || caller.get().function() == null) {
                    throw ServiceException.forbidden("'" + function + "' is private: only other functions may call it");
                }
        }
    }
}
