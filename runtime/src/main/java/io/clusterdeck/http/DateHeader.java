package io.clusterdeck.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.DateUtils;
import io.undertow.util.Headers;
import java.util.Date;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header every answer carries, stamped when the request arrives, from a text made once a second.
 * Undertow's own does the same but sets a timer to forget its text at the next second, which wakes the I/O thread of
 * every service that answered anything in that second: a third of a quiet worker's wake-ups (two health checks and
 * that timer a second). This one notices the new second when the next request comes instead.
 */
final class DateHeader implements HttpHandler {
    private final HttpHandler next;
    private final LongSupplier millis;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    DateHeader(HttpHandler next) {
        this(next, System::currentTimeMillis);
    }

    DateHeader(HttpHandler next, LongSupplier millis) {
        this.next = next;
        this.millis = millis;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.getResponseHeaders().put(Headers.DATE, now());
        next.handleRequest(exchange);
    }

    /** The current second as an HTTP date ({@code Mon, 30 Nov 2026 14:20:00 GMT}). */
    String now() {
        long second = Math.floorDiv(millis.getAsLong(), 1000);
        var current = stamp;
        if (current.second != second) {
            // Racy on purpose: two threads that both see a new second make the same text.
            current = new Stamp(second, DateUtils.toDateString(new Date(second * 1000)));
            stamp = current;
        }
        return current.text;
    }

    private record Stamp(long second, String text) {
    }
}
