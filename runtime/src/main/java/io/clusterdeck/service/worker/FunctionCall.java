package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of a function in a worker.
 *
 * @param arguments the named arguments, a JSON object
 * @param requestId the id that follows the call through every hop
 * @param caller    the function that made this call, or null when it came from outside
 */
public record FunctionCall(String function, ObjectNode arguments, String requestId, String caller) {
}
