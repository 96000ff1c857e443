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

    /**
     * Answers with a JSON body, from any thread: an answer made on another thread is written by the exchange's I/O
     * thread, which must be the one to complete an exchange whose connection is kept reading ({@link KeepReading}).
     */
    public static void json(HttpServerExchange exchange, int status, byte[] body) {
        if (handedToIoThread(exchange, () -> json(exchange, status, body))) {
            return;
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** The JSON error body for an exception of the family. */
    public static byte[] errorBody(ServiceException e) {
        return Json.bytes(ErrorAnswer.of(e.status(), e.code(), e.getMessage()).tree());
    }

    /** Answers with the error's JSON body (or cuts a started answer short), from any thread, as {@link #json} does. */
    public static void error(HttpServerExchange exchange, ServiceException e) {
        if (handedToIoThread(exchange, () -> error(exchange, e))) {
            return;
        }
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

    /**
     * False on the exchange's I/O thread; elsewhere, hands {@code answer} to it and says so. Within a handler Undertow
     * runs on a task thread the dispatch runs once the handler has returned (the exchange is not ended for want of an
     * answer); from any other thread, at once.
     */
    private static boolean handedToIoThread(HttpServerExchange exchange, Runnable answer) {
        if (exchange.isInIoThread()) {
            return false;
        }
        exchange.dispatch(exchange.getIoThread(), answer);
        return true;
    }
}
