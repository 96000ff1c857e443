package io.clusterdeck.launch;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.http.BodySink;
import io.clusterdeck.http.ClientCall;
import io.clusterdeck.http.Failure;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.ResponseHandler;
import io.clusterdeck.http.ResponseHead;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.service.EventStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.xnio.XnioIoThread;

/**
 * Follows the gateway's {@code /events} stream and merges it into the launcher's, reconnecting when the gateway
 * restarts. Events seen before a reconnect are not passed on twice. It runs on one I/O thread of the launcher's
 * client, so following the stream costs no thread of its own.
 */
final class GatewayEvents implements AutoCloseable {
    private static final int REMEMBERED = 4_096;
    private static final int MAX_LINE = 1024 * 1024;
    private static final long RECONNECT_MS = 200;

    private final UpstreamClient client;
    private final XnioIoThread thread;
    private final Supplier<String> url;
    private final Supplier<String> authorization;
    private final Consumer<ClusterEvent> sink;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private ClientCall current;
    private volatile boolean closed;

    GatewayEvents(UpstreamClient client, XnioIoThread thread, Supplier<String> url, Supplier<String> authorization,
                  Consumer<ClusterEvent> sink) {
        this.client = client;
        this.thread = thread;
        this.url = url;
        this.authorization = authorization;
        this.sink = sink;
    }

    void start() {
        thread.execute(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            var request = new OutboundRequest(OutboundRequest.requestLine("GET", Paths.EVENTS),
                    OutboundRequest.headers("Accept", "text/event-stream", "Authorization", authorization.get()), null, null);
            current = client.send(client.upstream(url.get()), request, thread, new Stream());
        } catch (RuntimeException e) {
            reconnect();
        }
    }

    private void reconnect() {
        if (!closed) {
            thread.executeAfter(this::connect, RECONNECT_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** One connection's stream, cut into lines; the gateway going away or ending it means connecting again. */
    private final class Stream implements ResponseHandler, BodySink {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        private boolean events;
        private boolean tooLong;

        @Override
        public BodySink onResponse(ResponseHead head) {
            events = head.status() == 200;
            return this;
        }

        @Override
        public boolean accept(ByteBuffer data, Runnable resume) {
            while (data.hasRemaining()) {
                byte b = data.get();
                if (!events) {
                    continue;
                }
                if (b == '\n') {
                    if (!tooLong) {
                        line(line.toString(StandardCharsets.UTF_8));
                    }
                    line.reset();
                    tooLong = false;
                } else if (line.size() < MAX_LINE) {
                    line.write(b);
                } else {
                    tooLong = true;
                }
            }
            return true;
        }

        @Override
        public void end() {
            reconnect();
        }

        @Override
        public void onFailure(Failure failure, IOException cause) {
            // The gateway is down or restarting: try again shortly.
            reconnect();
        }
    }

    private void line(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        try {
            var event = EventStream.event(line.substring(5).strip());
            var key = event.time() + event.type() + event.worker() + event.reason();
            if (!seen.add(key)) {
                return;
            }
            if (seen.size() > REMEMBERED) {
                var oldest = seen.iterator();
                oldest.next();
                oldest.remove();
            }
            sink.accept(event);
        } catch (IOException | RuntimeException e) {
            // A line that is not an event is skipped.
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.execute(() -> {
            if (current != null) {
                current.cancel();
            }
        });
    }
}
