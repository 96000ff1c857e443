package io.clusterdeck.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventLog;
import io.clusterdeck.event.EventType;
import io.clusterdeck.json.JsonTrees;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.io.IOException;

/**
 * {@code GET /events}: a Server-Sent Events stream of a service's cluster events, one JSON object per
 * {@code data:} line, the recent ones first and then each new one as it happens.
 */
public final class EventStream implements HttpHandler {
    private final ServerSentEventHandler sse;

    public EventStream(EventLog events) {
        this.sse = new ServerSentEventHandler((connection, lastEventId) -> {
            var unsubscribe = events.subscribe(event -> connection.send(JsonTrees.text(tree(event))));
            connection.addCloseTask(closed -> unsubscribe.run());
        });
    }

    /**
     * An event as the tree a mapper writes of the record (what is null left out): a gateway streams its events without
     * building one.
     */
    public static ObjectNode tree(ClusterEvent event) {
        return JsonTrees.withoutNulls(JsonTrees.object().put("time", event.time()).put("type", event.type().json())
                .put("source", event.source()).put("worker", event.worker()).put("segment", event.segment())
                .put("reason", event.reason()));
    }

    /**
     * An event read back from the JSON of its {@code data:} line, without a mapper (the launcher follows its gateways'
     * streams while its processes start); an exception when the text is not an event.
     */
    public static ClusterEvent event(String json) throws IOException {
        var tree = JsonTrees.read(json);
        if (tree == null || !tree.isObject()) {
            throw new IOException("not an event: " + json);
        }
        return new ClusterEvent(text(tree, "time"), EventType.of(text(tree, "type")), text(tree, "source"),
                text(tree, "worker"), text(tree, "segment"), text(tree, "reason"));
    }

    private static String text(JsonNode tree, String field) {
        var value = tree.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        sse.handleRequest(exchange);
    }
}
