package io.clusterdeck.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * Relays an upstream's response into a server exchange on the same I/O thread: status and chosen headers first,
 * then the body as it comes. When the client reads slower than the upstream writes, the upstream connection waits
 * (back-pressure), so a large download passes through a buffer at a time.
 */
public final class ExchangeRelay implements BodySink {
    private final HttpServerExchange exchange;
    private final Consumer<IOException> broken;
    private StreamSinkChannel out;
    private ByteBuffer pending;
    private Runnable resume;

    /**
     * @param broken told when the client's side failed while the relay was waiting to write (the upstream call
     *               must then be cancelled); a failure while the connection offers bytes reaches it as {@link Failure#CUT}
     */
    public ExchangeRelay(HttpServerExchange exchange, Consumer<IOException> broken) {
        this.exchange = exchange;
        this.broken = broken;
    }

    /**
     * Sets the exchange's status, its {@code Content-Length} when the upstream gave one, and the named headers the
     * upstream sent.
     */
    public static void copyHead(HttpServerExchange exchange, ResponseHead head, HttpString... copied) {
        exchange.setStatusCode(head.status());
        var length = head.header("Content-Length");
        if (length != null && head.header("Transfer-Encoding") == null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, length);
        }
        for (var name : copied) {
            var values = head.headers(name.toString());
            if (!values.isEmpty()) {
                exchange.getResponseHeaders().putAll(name, values);
            }
        }
    }

    @Override
    public boolean accept(ByteBuffer data, Runnable resumeReads) throws IOException {
        if (out == null) {
            out = exchange.getResponseChannel();
        }
        while (data.hasRemaining()) {
            if (out.write(data) == 0) {
                pending = data;
                resume = resumeReads;
                out.getWriteSetter().set(channel -> writable());
                out.resumeWrites();
                return false;
            }
        }
        return true;
    }

    private void writable() {
        try {
            while (pending.hasRemaining()) {
                if (out.write(pending) == 0) {
                    return;
                }
            }
            out.suspendWrites();
            out.getWriteSetter().set(null);
            pending = null;
            var next = resume;
            resume = null;
            next.run();
        } catch (IOException e) {
            out.suspendWrites();
            IoUtils.safeClose(exchange.getConnection());
            broken.accept(e);
        }
    }

    @Override
    public void end() {
        exchange.endExchange();
    }
}
