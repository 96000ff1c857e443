package io.clusterdeck.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Calls a worker's admin endpoints as a member of the cluster (the launcher holds the cluster key). */
final class AdminClient {
    private final HttpClient client;
    private final Supplier<String> authorization;

    AdminClient(HttpClient client, Supplier<String> authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    /** {@code POST /admin/health {"healthy": ...}}. */
    void setHealthy(String name, String url, boolean healthy) {
        post(name, url + "/admin/health", "{\"healthy\": " + healthy + "}");
    }

    /** {@code POST /admin/latency {"addedMs": ...}}. */
    void addLatency(String name, String url, int addedMs) {
        post(name, url + "/admin/latency", "{\"addedMs\": " + addedMs + "}");
    }

    private void post(String name, String url, String body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization.get())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new LaunchException(name + " refused " + url + ": " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new LaunchException(name + " did not answer " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while calling " + name, e);
        }
    }
}
