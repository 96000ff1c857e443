package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.service.ClusterClient;
import io.clusterdeck.service.ClusterTokens;
import io.clusterdeck.service.Headers;
import io.clusterdeck.service.Json;
import io.clusterdeck.service.ServiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Calls a function of another segment through the gateway, with a token naming the calling function. */
final class GatewayCaller implements FunctionCaller {
    private final String gatewayUrl;
    private final ClusterClient client;
    private final ClusterTokens tokens;
    private final Duration timeout;

    GatewayCaller(String gatewayUrl, ClusterClient client, ClusterTokens tokens, Duration timeout) {
        this.gatewayUrl = gatewayUrl;
        this.client = client;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<JsonNode> call(String function, ObjectNode arguments, FunctionCall from) {
        var headers = Map.of(
                "Content-Type", "application/json",
                "Authorization", tokens.authorization(from.function()),
                Headers.REQUEST_ID.toString(), from.requestId());
        return client.send("POST", gatewayUrl + "/rpc/" + function, Json.bytes(arguments), headers, timeout)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new ServiceException(502, "gateway_unreachable",
                                "calling '" + function + "' through the gateway failed: " + ClusterClient.describe(failure));
                    }
                    JsonNode body;
                    try {
                        body = Json.mapper().readTree(response.body());
                    } catch (IOException e) {
                        throw new ServiceException(502, "bad_answer", "'" + function + "' answered malformed JSON");
                    }
                    if (response.statusCode() != 200) {
                        var error = body == null ? Json.object() : body.path("error");
                        throw new CalleeException(function, response.statusCode(), error.path("code").asText("call_failed"),
                                error.path("message").asText("status " + response.statusCode()));
                    }
                    return body;
                });
    }
}
