package io.clusterdeck.launch;

import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.json.JsonTrees;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.protocol.ClusterState;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the gateway's view of its workers: for the live view, and to know when a launch can take calls. */
final class GatewayProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final byte[] NO_HEADERS = new byte[0];

    private final UpstreamClient client;
    private final Clock clock;

    GatewayProbe(UpstreamClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** {@code GET /cluster} read into its record, or empty when the gateway does not answer right now. */
    Optional<ClusterState> state(String gatewayUrl) {
        return fetch(gatewayUrl).flatMap(body -> {
            try {
                return Optional.of(StrictJson.mapper().readValue(body, ClusterState.class));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private Optional<byte[]> fetch(String gatewayUrl) {
        try {
            var response = client.get(gatewayUrl, Paths.CLUSTER, NO_HEADERS, TIMEOUT, 16 * 1024 * 1024)
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return response.status() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits until the gateway reports every named worker healthy; the exception names the ones that are not. */
    void awaitHealthy(String gateway, String gatewayUrl, Set<String> workers, Duration timeout) {
        long deadline = clock.nanos() + timeout.toNanos();
        while (true) {
            var healthy = healthyWorkers(gatewayUrl);
            if (healthy.containsAll(workers)) {
                return;
            }
            if (clock.nanos() > deadline) {
                var missing = new TreeSet<>(workers);
                missing.removeAll(healthy);
                throw new LaunchException(gateway + " did not find " + String.join(", ", missing) + " healthy within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("interrupted while waiting for healthy workers", e);
            }
        }
    }

    /** The workers the gateway finds healthy now, none when it does not answer: read from the view's tree. */
    private Set<String> healthyWorkers(String gatewayUrl) {
        return fetch(gatewayUrl).map(body -> {
            try {
                var tree = JsonTrees.read(body);
                return tree == null ? Set.<String>of() : ClusterState.healthyWorkers(tree);
            } catch (IOException e) {
                return Set.<String>of();
            }
        }).orElse(Set.of());
    }
}
