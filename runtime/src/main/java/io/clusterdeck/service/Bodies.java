package io.clusterdeck.service;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.util.function.BiConsumer;

/** Reads small request bodies whole, without blocking an I/O thread, and refuses those over the limit (413). */
public final class Bodies {
    private Bodies() {
    }

    /** Reads the body, then calls {@code then}; failures of either are answered as JSON errors. */
    public static void read(HttpServerExchange exchange, long maxBytes, BiConsumer<HttpServerExchange, byte[]> then) {
        var declared = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw ServiceException.badRequest("Content-Length is not a number");
            }
            if (length > maxBytes) {
                throw ServiceException.tooLarge(maxBytes);
            }
        }
        exchange.setMaxEntitySize(maxBytes);
        // Counted here too: a chunked body has no length to check up front.
        var buffer = new java.io.ByteArrayOutputStream();
        var refused = new boolean[1];
        exchange.getRequestReceiver().receivePartialBytes((ex, bytes, last) -> {
            if (refused[0]) {
                return;
            }
            if (buffer.size() + bytes.length > maxBytes) {
                refused[0] = true;
                Responses.error(ex, ServiceException.tooLarge(maxBytes));
                return;
            }
            buffer.write(bytes, 0, bytes.length);
            if (last) {
                // Dispatching keeps the exchange open after the handler returns: the caller answers it later.
                ex.dispatch(SameThreadExecutor.INSTANCE, () -> {
                    try {
                        then.accept(ex, buffer.toByteArray());
                    } catch (RuntimeException e) {
                        Responses.error(ex, ErrorHandler.map(e));
                    }
                });
            }
        }, (ex, failure) -> {
            if (refused[0]) {
                return;
            }
            if (failure instanceof RequestTooBigException) {
                Responses.error(ex, ServiceException.tooLarge(maxBytes));
            } else {
                ex.setStatusCode(400);
                ex.endExchange();
            }
        });
    }

    /** The function a {@code /rpc/{function}} path names, or a 404 when it names none. */
    public static String functionOf(HttpServerExchange exchange) {
        var path = exchange.getRequestPath();
        var name = path.startsWith("/rpc/") ? path.substring("/rpc/".length()) : "";
        if (name.isEmpty() || name.length() > 200 || !name.matches("[A-Za-z0-9_\\-./]+") || name.contains("..")) {
            throw new ServiceException(404, "unknown_function", "no function named '" + shorten(name) + "'");
        }
        return name;
    }

    private static String shorten(String text) {
        var printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
