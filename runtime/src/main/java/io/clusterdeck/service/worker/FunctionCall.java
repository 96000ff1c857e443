package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.function.EndUser;

/**
 * One call of a function in a worker.
 *
 * @param arguments the named arguments, a JSON object
 * @param requestId the id that follows the call through every hop
 * @param caller    the function that made this call, or null when it came from outside
 * @param user      the end user the call is made for, or null for an anonymous one
 */
public record FunctionCall(String function, ObjectNode arguments, String requestId, String caller, EndUser user) {
    /** A call for no particular end user. */
    public FunctionCall(String function, ObjectNode arguments, String requestId, String caller) {
        this(function, arguments, requestId, caller, null);
    }
}
