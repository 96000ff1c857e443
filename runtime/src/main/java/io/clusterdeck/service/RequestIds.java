package io.clusterdeck.service;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.UUID;

/** Gives every call a request id (the caller's, or a new one) and echoes it on the response. */
public final class RequestIds implements HttpHandler {
    private static final int MAX_LENGTH = 128;
    private final HttpHandler next;

    public RequestIds(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var id = exchange.getRequestHeaders().getFirst(Headers.REQUEST_ID);
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH || !id.chars().allMatch(c -> c > 32 && c < 127)) {
            id = UUID.randomUUID().toString();
            exchange.getRequestHeaders().put(Headers.REQUEST_ID, id);
        }
        exchange.getResponseHeaders().put(Headers.REQUEST_ID, id);
        next.handleRequest(exchange);
    }

    public static String of(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().getFirst(Headers.REQUEST_ID);
    }
}
