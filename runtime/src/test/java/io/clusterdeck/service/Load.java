package io.clusterdeck.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Steady calls from several client threads, each outcome kept: when, status, which worker, how long. */
public final class Load implements AutoCloseable {
    /** One call as the client saw it; status -1 when it got no answer. */
    public record Outcome(Instant started, long millis, int status, String worker, String error) {
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public Load(String url, int threadCount, Duration pause) {
        for (int i = 0; i < threadCount; i++) {
            var thread = new Thread(() -> {
                while (running) {
                    call(url);
                    sleep(pause);
                }
            }, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void call(String url) {
        var started = Instant.now();
        long start = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":7}")).build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            outcomes.add(new Outcome(started, (System.nanoTime() - start) / 1_000_000, response.statusCode(),
                    response.headers().firstValue("X-Clusterdeck-Worker").orElse(null),
                    response.statusCode() == 200 ? null : response.body()));
        } catch (Exception e) {
            outcomes.add(new Outcome(started, (System.nanoTime() - start) / 1_000_000, -1, null, e.toString()));
        }
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public List<Outcome> since(Instant instant) {
        return outcomes().stream().filter(o -> !o.started().isBefore(instant)).toList();
    }

    public List<Outcome> failures() {
        return outcomes().stream().filter(o -> o.status() != 200).toList();
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops the client threads and waits for their last calls. */
    public void stop() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(35_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
