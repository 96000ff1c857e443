package io.clusterdeck.http;

import io.clusterdeck.protocol.ClusterHeaders;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every call a request id (the caller's, or a new one) and echoes it on the response. A new id has the form
 * of a random UUID; it only needs to be unique, not secret, so it is drawn without a lock from
 * {@link ThreadLocalRandom}.
 */
public final class RequestIds implements HttpHandler {
    private static final int MAX_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final HttpHandler next;

    public RequestIds(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var id = exchange.getRequestHeaders().getFirst(ClusterHeaders.REQUEST_ID);
        if (!acceptable(id)) {
            id = newId();
            exchange.getRequestHeaders().put(ClusterHeaders.REQUEST_ID, id);
        }
        exchange.getResponseHeaders().put(ClusterHeaders.REQUEST_ID, id);
        next.handleRequest(exchange);
    }

    public static String of(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().getFirst(ClusterHeaders.REQUEST_ID);
    }

    /** A new id: 32 random hex digits in the 8-4-4-4-12 form of a version 4 UUID. */
    public static String newId() {
        var random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        var chars = new char[36];
        hex(high >>> 32, chars, 0, 8);
        chars[8] = '-';
        hex(high >>> 16, chars, 9, 4);
        chars[13] = '-';
        hex(high, chars, 14, 4);
        chars[18] = '-';
        hex(low >>> 48, chars, 19, 4);
        chars[23] = '-';
        hex(low, chars, 24, 12);
        return new String(chars);
    }

    private static void hex(long value, char[] into, int at, int digits) {
        for (int i = digits - 1; i >= 0; i--, value >>>= 4) {
            into[at + i] = HEX[(int) (value & 0xF)];
        }
    }

    private static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= 32 || c >= 127) {
                return false;
            }
        }
        return true;
    }
}
