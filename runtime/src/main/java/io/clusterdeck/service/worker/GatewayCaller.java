package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.http.BufferedResponse;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.ErrorAnswer;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.security.ClusterTokens;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Calls a function of another segment through a gateway, with a token naming the calling function. With several
 * gateways, calls take turns over those that are reachable, and a call one gateway never received goes to the next.
 */
final class GatewayCaller implements FunctionCaller {
    private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
    /** How long a call the gateway never received is tried again: about as long as a gateway takes to restart. */
    private static final Duration WAIT_FOR_GATEWAY = Duration.ofSeconds(5);

    private final GatewayLinks gateways;
    private final UpstreamClient client;
    private final ClusterTokens tokens;
    private final Duration timeout;
    private final Map<String, byte[]> requestLines = new ConcurrentHashMap<>();

    GatewayCaller(GatewayLinks gateways, UpstreamClient client, ClusterTokens tokens, Duration timeout) {
        this.gateways = gateways;
        this.client = client;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<JsonNode> call(String function, ObjectNode arguments, FunctionCall from) {
        var line = requestLines.computeIfAbsent(function, f -> OutboundRequest.requestLine("POST", Paths.RPC + f));
        var request = new OutboundRequest(line, tokens.callHeaders(from.function(), from.user()), from.requestId(), Json.bytes(arguments));
        var answer = new CompletableFuture<BufferedResponse>();
        send(request, gateways.nextTurn(), System.nanoTime() + WAIT_FOR_GATEWAY.toNanos(), 1, answer);
        return answer.handle((response, failure) -> {
            if (failure != null) {
                throw new ServiceException(502, "gateway_unreachable",
                        "calling '" + function + "' through the gateway failed: " + CallException.describe(failure));
            }
            if (response.status() != 200) {
                throw failureOf(function, response);
            }
            try {
                return Json.tree(response.body());
            } catch (IOException e) {
                throw new ServiceException(502, "bad_answer", "'" + function + "' answered malformed JSON");
            }
        });
    }

    /** The callee's failure as its error answer tells it, or as its status alone when the answer says nothing. */
    private static CalleeException failureOf(String function, BufferedResponse response) {
        ErrorAnswer.Error error = null;
        try {
            error = ErrorAnswer.errorOf(Json.tree(response.body())).orElse(null);
        } catch (IOException e) {
            // Not an error answer of this runtime: the status tells what there is to tell.
        }
        return new CalleeException(function, response.status(),
                error != null && error.code() != null ? error.code() : "call_failed",
                error != null && error.message() != null ? error.message() : "status " + response.status());
    }

    /**
     * Sends the call; when the gateway never received it (refused: restarting), sends it to the next gateway at
     * once, and once every gateway was tried, again after a short wait, backing off, until {@code giveUpNanos}.
     */
    private void send(OutboundRequest request, int turn, long giveUpNanos, int attempt,
                      CompletableFuture<BufferedResponse> answer) {
        client.call(gateways.gatewayFor(turn, attempt), request, timeout, MAX_ANSWER_BYTES).whenComplete((response, failure) -> {
            long waitMs = attempt % gateways.size() == 0 ? CallException.resendWaitMs(attempt / gateways.size()) : 0;
            if (failure != null && CallException.neverReached(failure)
                    && System.nanoTime() + waitMs * 1_000_000 < giveUpNanos) {
                client.timerThread().executeAfter(() -> send(request, turn, giveUpNanos, attempt + 1, answer), waitMs,
                        TimeUnit.MILLISECONDS);
            } else if (failure != null) {
                answer.completeExceptionally(CallException.unwrap(failure));
            } else {
                answer.complete(response);
            }
        });
    }
}
