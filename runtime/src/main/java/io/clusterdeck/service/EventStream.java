package io.clusterdeck.service;

import io.clusterdeck.event.EventLog;
import io.clusterdeck.http.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventHandler;

/**
 * {@code GET /events}: a Server-Sent Events stream of a service's cluster events, one JSON object per
 * {@code data:} line, the recent ones first and then each new one as it happens.
 */
public final class EventStream implements HttpHandler {
    private final ServerSentEventHandler sse;

    public EventStream(EventLog events) {
        this.sse = new ServerSentEventHandler((connection, lastEventId) -> {
            var unsubscribe = events.subscribe(event -> connection.send(Json.text(event)));
            connection.addCloseTask(closed -> unsubscribe.run());
        });
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        sse.handleRequest(exchange);
    }
}
