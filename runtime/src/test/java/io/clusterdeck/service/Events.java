package io.clusterdeck.service;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a gateway's {@code /events} stream. */
public final class Events {
    private Events() {
    }

    /** The events the stream replays and sends, until one matches {@code last} or the bound passes. */
    public static List<ClusterEvent> read(String gatewayUrl, Predicate<List<ClusterEvent>> enough, Duration bound) {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/events")).GET().build();
        var events = new ArrayList<ClusterEvent>();
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (var body = response.body();
                 var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                var watchdog = new Thread(() -> {
                    Load.sleep(bound);
                    try {
                        response.body().close();
                    } catch (IOException ignored) {
                        // closing ends the read below
                    }
                });
                watchdog.setDaemon(true);
                watchdog.start();
                String line;
                while (System.nanoTime() < deadline && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(Json.mapper().readValue(line.substring(5).trim(), ClusterEvent.class));
                        if (enough.test(events)) {
                            break;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the stream was closed at the bound: return what came
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }
}
