package io.clusterdeck.http;

import io.clusterdeck.protocol.ErrorAnswer;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** Writes JSON responses. */
public final class Responses {
    private Responses() {
    }

    public static void json(HttpServerExchange exchange, int status, Object body) {
        json(exchange, status, Json.bytes(body));
    }

    public static void json(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** The JSON error body for an exception of the family. */
    public static byte[] errorBody(ServiceException e) {
        return Json.bytes(ErrorAnswer.of(e.status(), e.code(), e.getMessage()).tree());
    }

    /** Answers from any thread: the exchange is only touched on its own I/O thread. */
    public static void later(HttpServerExchange exchange, Runnable answer) {
        if (exchange.isInIoThread()) {
            answer.run();
        } else {
            exchange.getIoThread().execute(answer);
        }
    }

    public static void error(HttpServerExchange exchange, ServiceException e) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        if (e.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (e.challenge() != null) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, e.challenge());
        }
        json(exchange, e.status(), errorBody(e));
    }
}
