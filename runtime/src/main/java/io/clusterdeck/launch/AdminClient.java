package io.clusterdeck.launch;

import io.clusterdeck.http.Json;
import io.clusterdeck.protocol.AdminRequests;
import io.clusterdeck.http.BufferedResponse;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.Paths;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Calls a worker's admin endpoints as a member of the cluster (the launcher holds the cluster key). */
final class AdminClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final UpstreamClient client;
    private final Supplier<String> authorization;

    AdminClient(UpstreamClient client, Supplier<String> authorization) {
        this.client = client;
        this.authorization = authorization;
    }

    /** {@code POST /admin/health {"healthy": ...}}. */
    void setHealthy(String name, String url, boolean healthy) {
        post(name, url, Paths.ADMIN_HEALTH, Json.text(new AdminRequests.HealthFlag(healthy)));
    }

    /** {@code POST /admin/latency {"addedMs": ...}}. */
    void addLatency(String name, String url, int addedMs) {
        post(name, url, Paths.ADMIN_LATENCY, Json.text(new AdminRequests.AddedLatency((long) addedMs)));
    }

    /** {@code GET path} as a member; the answer's body. */
    String get(String name, String url, String path) {
        return send(name, url, path, new OutboundRequest(OutboundRequest.requestLine("GET", path),
                OutboundRequest.headers("Authorization", authorization.get()), null, null)).text();
    }

    /** POSTs without waiting for the answer; a failure is only logged (the worker finds its way by itself). */
    void postQuietly(String name, String url, String path, String body) {
        client.call(url, postOf(path, body), TIMEOUT, MAX_ANSWER_BYTES).whenComplete((response, failure) -> {
            if (failure != null || response.status() / 100 != 2) {
                org.slf4j.LoggerFactory.getLogger(AdminClient.class).debug("{} did not take {}: {}", name, path,
                        failure != null ? CallException.describe(failure) : response.status());
            }
        });
    }

    private void post(String name, String url, String path, String body) {
        send(name, url, path, postOf(path, body));
    }

    private OutboundRequest postOf(String path, String body) {
        return new OutboundRequest(OutboundRequest.requestLine("POST", path),
                OutboundRequest.headers("Content-Type", "application/json", "Authorization", authorization.get()),
                null, body.getBytes(StandardCharsets.UTF_8));
    }

    private BufferedResponse send(String name, String url, String path, OutboundRequest request) {
        BufferedResponse response;
        try {
            response = client.call(url, request, TIMEOUT, MAX_ANSWER_BYTES).get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new LaunchException(name + " did not answer " + URI.create(url).resolve(path) + ": "
                    + CallException.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while calling " + name, e);
        }
        if (response.status() / 100 != 2) {
            throw new LaunchException(name + " refused " + URI.create(url).resolve(path) + ": " + response.status()
                    + " " + response.text());
        }
        return response;
    }
}
