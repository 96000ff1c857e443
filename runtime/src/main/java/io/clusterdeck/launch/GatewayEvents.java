package io.clusterdeck.launch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterdeck.event.ClusterEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows the gateway's {@code /events} stream and merges it into the launcher's, reconnecting when the gateway
 * restarts. Events seen before a reconnect are not passed on twice.
 */
final class GatewayEvents implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int REMEMBERED = 4_096;

    private final Supplier<String> url;
    private final Supplier<String> authorization;
    private final Consumer<ClusterEvent> sink;
    private final HttpClient client;
    private final LinkedHashSet<String> seen = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean closed;

    GatewayEvents(HttpClient client, Supplier<String> url, Supplier<String> authorization, Consumer<ClusterEvent> sink) {
        this.client = client;
        this.url = url;
        this.authorization = authorization;
        this.sink = sink;
        this.thread = new Thread(this::follow, "gateway-events");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void follow() {
        while (!closed) {
            try {
                var request = HttpRequest.newBuilder(URI.create(url.get() + "/events"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", authorization.get()).GET().build();
                var response = client.send(request, HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    response.body().takeWhile(line -> !closed).forEach(this::line);
                }
            } catch (Exception e) {
                // The gateway is down or restarting: try again shortly.
            }
            if (!closed) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void line(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        try {
            var event = MAPPER.readValue(line.substring(5).strip(), ClusterEvent.class);
            var key = event.time() + event.type() + event.worker() + event.reason();
            synchronized (seen) {
                if (!seen.add(key)) {
                    return;
                }
                if (seen.size() > REMEMBERED) {
                    var oldest = seen.iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            sink.accept(event);
        } catch (Exception e) {
            // A line that is not an event (a comment, a keep-alive) is skipped.
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
