package io.clusterdeck.function;

import java.util.Map;
import java.util.Optional;

/**
 * What a running cluster function may ask of the cluster. Declare a parameter of this type to receive it.
 */
public interface FunctionContext {
    /**
     * Calls another function of the cluster with named arguments and waits for its result. The call runs in the
     * same process when the callee is in the caller's segment, and through the gateway otherwise.
     *
     * @param function  the callee's name, such as {@code pricing/tax}
     * @param arguments the callee's named arguments: maps, lists, strings, numbers, booleans, nulls, or objects
     *                  that are written as JSON the way results are
     * @return the callee's JSON result as plain Java values: {@code Map<String, Object>}, {@code List<Object>},
     *         {@code String}, a {@code Number}, {@code Boolean} or {@code null}
     * @throws CallException when the callee cannot be reached or answers with an error
     */
    Object call(String function, Map<String, ?> arguments);

    /**
     * The end user this call is made for, when the design authenticates callers at its proxy and this caller
     * presented a valid token; empty for anonymous callers. Calls this function makes carry the same user.
     */
    default Optional<EndUser> user() {
        return Optional.empty();
    }
}
