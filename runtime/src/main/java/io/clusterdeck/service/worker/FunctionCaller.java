package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * How a function calls another: in-process when the callee is hosted here, through the gateway otherwise. A failed
 * callee completes the future with a {@link io.clusterdeck.http.ServiceException} carrying its status.
 */
public interface FunctionCaller {
    CompletableFuture<JsonNode> call(String function, ObjectNode arguments, FunctionCall from);
}
