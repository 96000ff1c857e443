package io.clusterdeck.service.worker;

import io.clusterdeck.http.CallException;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.service.ClusterTokens;
import io.clusterdeck.service.Json;
import io.clusterdeck.service.Scheduler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's tie to its gateway: registers at start (retrying with backoff while the gateway is unreachable),
 * repeats the registration as a heartbeat so that a restarted gateway knows it again within a second, and
 * deregisters on a graceful stop.
 */
final class GatewayLink {
    static final long HEARTBEAT_MS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLink.class);

    private static final byte[] REGISTER = OutboundRequest.requestLine("POST", "/workers");
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final String gatewayUrl;
    private final String worker;
    private final byte[] registration;
    private final UpstreamClient client;
    private final ClusterTokens tokens;
    private final Scheduler scheduler;
    private volatile boolean stopped;
    private volatile boolean connected = true;

    GatewayLink(String gatewayUrl, String worker, Map<String, Object> registration, UpstreamClient client,
                ClusterTokens tokens, Scheduler scheduler) {
        this.gatewayUrl = gatewayUrl;
        this.worker = worker;
        this.registration = Json.bytes(registration);
        this.client = client;
        this.tokens = tokens;
        this.scheduler = scheduler;
    }

    /**
     * The wait before the given retry (1-based): 100 ms for the first 50 tries, as the gateway is usually starting
     * alongside, and on a busy machine may take seconds to (a refused connection on this machine costs next to
     * nothing), then doubling up to 1 s.
     */
    static long backoffMs(int attempt) {
        return attempt <= 50 ? 100 : Math.min(1_000, 100L << Math.min(4, attempt - 50));
    }

    /** Registers, retrying for as long as the gateway cannot be reached; a refusal is a {@link RegistrationRefused}. */
    void register() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                var response = post(Duration.ofSeconds(2)).join();
                if (response.status() == 200 || response.status() == 201) {
                    LOG.info("registered with the gateway at {}", gatewayUrl);
                    return;
                }
                if (response.status() >= 400 && response.status() < 500) {
                    throw new RegistrationRefused("the gateway at " + gatewayUrl + " refused the registration ("
                            + response.status() + "): " + response.text());
                }
                LOG.warn("the gateway at {} answered {}; retrying in {} ms", gatewayUrl, response.status(), backoffMs(attempt));
            } catch (java.util.concurrent.CompletionException e) {
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.info("cannot reach the gateway at {} yet ({}); retrying every {} ms", gatewayUrl,
                            CallException.describe(e), backoffMs(attempt));
                }
            }
            Thread.sleep(backoffMs(attempt));
        }
    }

    /** Starts the heartbeat. */
    void keepAlive() {
        scheduler.schedule(this::beat, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (stopped) {
            return;
        }
        post(Duration.ofMillis(HEARTBEAT_MS)).whenComplete((response, failure) -> {
            if (failure != null) {
                if (connected) {
                    LOG.warn("lost the gateway at {} ({}); still trying", gatewayUrl, CallException.describe(failure));
                }
                connected = false;
            } else if (response.status() == 201) {
                LOG.info("registered again with the gateway at {} (it had forgotten this worker)", gatewayUrl);
                connected = true;
            } else if (response.status() == 200) {
                if (!connected) {
                    LOG.info("the gateway at {} is back", gatewayUrl);
                }
                connected = true;
            } else {
                LOG.warn("heartbeat to the gateway answered {}", response.status());
            }
            scheduler.schedule(this::beat, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
        });
    }

    /** Stops the heartbeat and says goodbye; a gateway that cannot be reached will notice by itself. */
    void deregister() {
        stopped = true;
        try {
            var line = OutboundRequest.requestLine("DELETE", "/workers/" + URLEncoder.encode(worker, StandardCharsets.UTF_8));
            var response = client.call(gatewayUrl, new OutboundRequest(line, tokens.callHeaders(null), null, null),
                    Duration.ofSeconds(1), MAX_ANSWER_BYTES).join();
            LOG.info("deregistered from the gateway ({})", response.status());
        } catch (RuntimeException e) {
            LOG.warn("could not deregister from the gateway at {}: {}", gatewayUrl, CallException.describe(e));
        }
    }

    private java.util.concurrent.CompletableFuture<io.clusterdeck.http.BufferedResponse> post(Duration timeout) {
        return client.call(gatewayUrl, new OutboundRequest(REGISTER, tokens.callHeaders(null), null, registration), timeout,
                MAX_ANSWER_BYTES);
    }

    /** The gateway answered the registration with a client error: retrying will not help. */
    static final class RegistrationRefused extends RuntimeException {
        RegistrationRefused(String message) {
            super(message);
        }
    }
}
