package io.clusterdeck.app.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Counts the calls a cluster's entry has finished, from its Prometheus text ({@code GET /metrics}): the sum of
 * {@code clusterdeck_calls_total} over every function, worker and outcome.
 */
final class EntryCounter {
    static final String CALLS = "clusterdeck_calls_total";

    private EntryCounter() {
    }

    /** The calls the service at {@code url} has finished so far; empty when it does not answer. */
    static OptionalLong calls(HttpClient http, String url) {
        var request = HttpRequest.newBuilder(URI.create(url + "/metrics")).timeout(Duration.ofSeconds(1)).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? OptionalLong.of(sum(response.body())) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The sum of every {@value #CALLS} sample in Prometheus text. */
    static long sum(String metrics) {
        double total = 0;
        for (var line : metrics.split("\n")) {
            if (line.startsWith(CALLS + "{") || line.startsWith(CALLS + " ")) {
                var value = line.substring(line.lastIndexOf(' ') + 1).trim();
                try {
                    total += Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    // a line this reader does not understand counts for nothing
                }
            }
        }
        return Math.round(total);
    }
}
