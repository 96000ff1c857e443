package io.clusterdeck.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a launched cluster. */
final class Calls {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Calls() {
    }

    record Answer(int status, String worker, String body) {
    }

    static Answer call(String baseUrl, String function) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/rpc/" + function)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("X-Clusterdeck-Worker").orElse(null),
                    response.body());
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a condition every 50 ms until it holds or the bound passes; returns how long it took. */
    static Duration await(String what, Duration bound, java.util.function.BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + bound.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
