package io.clusterdeck.http;

import io.clusterdeck.protocol.Paths;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.xnio.ChannelListener;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads request bodies whole, without blocking an I/O thread: into one array of the declared length, or growing
 * up to the limit for a chunked body. Over the limit is a 413; a body that does not fit in the service's
 * {@link ByteBudget} a 503 with {@code Retry-After}, before a byte of it is read.
 */
public final class Bodies {
    private static final byte[] EMPTY = new byte[0];

    private Bodies() {
    }

    /** Reads the body, then calls {@code then} with the exchange kept open; failures of either answer as JSON errors. */
    public static void read(HttpServerExchange exchange, long maxBytes, BiConsumer<HttpServerExchange, byte[]> then) {
        read(exchange, maxBytes, null, then);
    }

    /** As {@link #read(HttpServerExchange, long, BiConsumer)}, holding the body's bytes in {@code budget} while the exchange lasts. */
    public static void read(HttpServerExchange exchange, long maxBytes, ByteBudget budget,
                            BiConsumer<HttpServerExchange, byte[]> then) {
        long declared = declaredLength(exchange, maxBytes);
        long held = declared >= 0 ? declared : maxBytes;
        if (budget != null && held > 0) {
            if (!budget.tryTake(held)) {
                throw ServiceException.busy("this service holds as many request bodies as it can; try again shortly");
            }
            exchange.addExchangeCompleteListener((ex, next) -> {
                budget.give(held);
                next.proceed();
            });
        }
        if (declared == 0 || exchange.isRequestComplete()) {
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> deliver(exchange, then, EMPTY));
            return;
        }
        exchange.setMaxEntitySize(maxBytes);
        new Reader(exchange, declared, maxBytes, then).start();
    }

    /** The function a {@code /rpc/{function}} path names, or a 404 when it names none. */
    public static String functionOf(HttpServerExchange exchange) {
        var path = exchange.getRequestPath();
        var name = Paths.functionOf(path);
        if (!validFunctionName(name)) {
            throw new ServiceException(404, "unknown_function", "no function named '" + shorten(name) + "'");
        }
        return name;
    }

    private static boolean validFunctionName(String name) {
        if (name.isEmpty() || name.length() > 200 || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '.' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static long declaredLength(HttpServerExchange exchange, long maxBytes) {
        var declared = exchange.getRequestHeaders().getFirst(Headers.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            throw ServiceException.badRequest("Content-Length is not a number");
        }
        if (length < 0) {
            throw ServiceException.badRequest("Content-Length is negative");
        }
        if (length > maxBytes) {
            throw ServiceException.tooLarge(maxBytes);
        }
        return length;
    }

    private static void deliver(HttpServerExchange exchange, BiConsumer<HttpServerExchange, byte[]> then, byte[] body) {
        KeepReading.whileAnswering(exchange);
        try {
            then.accept(exchange, body);
        } catch (RuntimeException e) {
            Responses.error(exchange, ErrorHandler.map(e));
        }
    }

    private static String shorten(String text) {
        var printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }

    /** One body being read: synchronously while bytes are there, then from the channel's read events. */
    private static final class Reader implements ChannelListener<StreamSourceChannel> {
        private final HttpServerExchange exchange;
        private final long declared;
        private final long maxBytes;
        private final BiConsumer<HttpServerExchange, byte[]> then;
        private byte[] bytes;
        private ByteBuffer window;

        Reader(HttpServerExchange exchange, long declared, long maxBytes, BiConsumer<HttpServerExchange, byte[]> then) {
            this.exchange = exchange;
            this.declared = declared;
            this.maxBytes = maxBytes;
            this.then = then;
            this.bytes = new byte[declared >= 0 ? (int) declared : (int) Math.min(maxBytes, 4096)];
            this.window = ByteBuffer.wrap(bytes);
        }

        void start() {
            var channel = exchange.getRequestChannel();
            if (channel == null) {
                throw ServiceException.badRequest("the request body was already read");
            }
            try {
                if (readAll(channel)) {
                    exchange.dispatch(SameThreadExecutor.INSTANCE, () -> deliver(exchange, then, body()));
                    return;
                }
            } catch (IOException e) {
                throw failure(e);
            }
            exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
                channel.getReadSetter().set(this);
                channel.resumeReads();
            });
        }

        @Override
        public void handleEvent(StreamSourceChannel channel) {
            try {
                if (!readAll(channel)) {
                    return;
                }
                channel.suspendReads();
                channel.getReadSetter().set(null);
                deliver(exchange, then, body());
            } catch (IOException e) {
                channel.suspendReads();
                channel.getReadSetter().set(null);
                exchange.setPersistent(false);
                Responses.error(exchange, failure(e));
            }
        }

        /** True when the whole body is in. */
        private boolean readAll(StreamSourceChannel channel) throws IOException {
            while (true) {
                if (!window.hasRemaining()) {
                    if (declared >= 0 || bytes.length >= maxBytes) {
                        // As much as may come is in: only the request's end may follow.
                        int probe = channel.read(ByteBuffer.allocate(1));
                        if (probe > 0) {
                            throw new RequestTooBigException();
                        }
                        return probe < 0;
                    }
                    int position = window.position();
                    bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, bytes.length * 2L));
                    window = ByteBuffer.wrap(bytes);
                    window.position(position);
                }
                int read = channel.read(window);
                if (read < 0) {
                    if (declared >= 0 && window.position() < declared) {
                        throw new IOException("the request ended before its declared length");
                    }
                    return true;
                }
                if (read == 0) {
                    return false;
                }
            }
        }

        private byte[] body() {
            return window.position() == bytes.length ? bytes : Arrays.copyOf(bytes, window.position());
        }

        private ServiceException failure(IOException e) {
            if (e instanceof RequestTooBigException) {
                return ServiceException.tooLarge(maxBytes);
            }
            return ServiceException.badRequest("the request body could not be read: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
