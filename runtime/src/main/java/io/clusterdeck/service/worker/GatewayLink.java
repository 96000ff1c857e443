package io.clusterdeck.service.worker;

import io.clusterdeck.http.BufferedResponse;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.protocol.Registration;
import io.clusterdeck.protocol.RegistrationAnswer;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's tie to its gateway: registers at start (retrying with backoff while the gateway is unreachable),
 * registers again when the gateway's health checks fall silent (a restarted gateway has forgotten its workers), and
 * deregisters on a graceful stop. The gateway's health checks are the only traffic of an idle worker: no heartbeat.
 */
final class GatewayLink {
    /** The gateway's health-check interval when its registration answer does not say. */
    static final long DEFAULT_CHECK_MS = 500;
    /** Silence longer than this many health-check intervals, and at least {@link #MIN_SILENCE_MS}, means forgotten. */
    static final int SILENT_CHECKS = 3;
    static final long MIN_SILENCE_MS = 1_500;
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLink.class);

    private static final byte[] REGISTER = OutboundRequest.requestLine("POST", Paths.WORKERS);
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final String gatewayUrl;
    private final String worker;
    private final byte[] registration;
    private final UpstreamClient client;
    private final ClusterTokens tokens;
    private final Scheduler scheduler;
    private final Clock clock;
    private volatile boolean stopped;
    private volatile boolean connected = true;
    private volatile long lastCheckedNanos;
    private volatile long checkMs = DEFAULT_CHECK_MS;
    private volatile boolean registering;
    /** The name the gateway gave in its answer, which its health checks carry; null until it answered. */
    private volatile String gatewayName;

    GatewayLink(String gatewayUrl, String worker, Registration registration, UpstreamClient client,
                ClusterTokens tokens, Scheduler scheduler, Clock clock) {
        this.clock = clock;
        this.lastCheckedNanos = clock.nanos();
        this.gatewayUrl = gatewayUrl;
        this.worker = worker;
        this.registration = Json.bytes(registration.tree());
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

    /**
     * Registers, retrying for as long as the gateway cannot be reached and the link is not stopped; a refusal is a
     * {@link RegistrationRefused}. Returns whether the gateway took the registration.
     */
    boolean register() throws InterruptedException {
        for (int attempt = 1; !stopped; attempt++) {
            try {
                var response = post(Duration.ofSeconds(2)).join();
                if (response.status() == 200 || response.status() == 201) {
                    LOG.info("registered with the gateway at {}", gatewayUrl);
                    accepted(response);
                    return true;
                }
                if (response.status() >= 400 && response.status() < 500) {
                    throw new RegistrationRefused("the gateway at " + gatewayUrl + " refused the registration ("
                            + response.status() + "): " + response.text());
                }
                LOG.warn("the gateway at {} answered {}; retrying in {} ms", gatewayUrl, response.status(), backoffMs(attempt));
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.RejectedExecutionException e) {
                if (stopped) {
                    break;
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.info("cannot reach the gateway at {} yet ({}); retrying every {} ms", gatewayUrl,
                            CallException.describe(e), backoffMs(attempt));
                }
            }
            Thread.sleep(backoffMs(attempt));
        }
        return false;
    }

    /** The gateway asked for this worker's health: it knows the worker. */
    void checked() {
        lastCheckedNanos = clock.nanos();
    }

    String url() {
        return gatewayUrl;
    }

    /** Whether the gateway that answered the registration gave this name. */
    boolean isNamed(String name) {
        return name != null && name.equals(gatewayName);
    }

    /**
     * Whether the gateway seems to be there: it took the registration and has checked this worker within a silence
     * that counts. A gateway that hangs or restarts stops checking, so calls may go to another one meanwhile.
     */
    boolean reachable() {
        return connected && gatewayName != null && (clock.nanos() - lastCheckedNanos) / 1_000_000 <= silenceMs();
    }

    /** Starts watching for the gateway's silence. */
    void keepAlive() {
        scheduler.schedule(this::watch, watchMs(), TimeUnit.MILLISECONDS);
    }

    /** How often the watch looks: twice per silence that counts, so an idle worker wakes for it rarely. */
    private long watchMs() {
        return silenceMs() / 2;
    }

    private long silenceMs() {
        return Math.max(MIN_SILENCE_MS, SILENT_CHECKS * checkMs);
    }

    private void watch() {
        if (stopped) {
            return;
        }
        long silentMs = (clock.nanos() - lastCheckedNanos) / 1_000_000;
        if (silentMs <= silenceMs() || registering) {
            scheduler.schedule(this::watch, watchMs(), TimeUnit.MILLISECONDS);
            return;
        }
        registerAgain(silentMs, true);
    }

    /**
     * Registers again now, without waiting for the silence to be noticed: the launcher asks this when it has just
     * restarted the gateway. No-op while a registration is under way.
     */
    void registerNow() {
        if (!stopped && !registering) {
            scheduler.schedule(() -> {
                if (!registering) {
                    registerAgain((clock.nanos() - lastCheckedNanos) / 1_000_000, false);
                }
            }, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** @param watching whether the watch called: it goes on watching afterwards */
    private void registerAgain(long silentMs, boolean watching) {
        registering = true;
        post(Duration.ofMillis(Math.max(1_000, checkMs))).whenComplete((response, failure) -> {
            if (failure != null) {
                if (connected) {
                    LOG.warn("no health check from the gateway for {} ms and it cannot be reached ({}); still trying",
                            silentMs, CallException.describe(failure));
                }
                connected = false;
            } else if (response.status() == 201) {
                LOG.info("registered again with the gateway at {} (it had forgotten this worker)", gatewayUrl);
                accepted(response);
            } else if (response.status() == 200) {
                if (!connected) {
                    LOG.info("the gateway at {} is back", gatewayUrl);
                }
                accepted(response);
            } else {
                LOG.warn("registering again with the gateway answered {}", response.status());
            }
            registering = false;
            if (watching) {
                scheduler.schedule(this::watch, watchMs(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The gateway took the registration: it will check this worker from now on, at the interval it says. */
    private void accepted(BufferedResponse response) {
        connected = true;
        lastCheckedNanos = clock.nanos();
        try {
            var answer = StrictJson.bind(Json.tree(response.body()), RegistrationAnswer.class, "$").value().orElseThrow();
            long interval = answer.healthCheckMs() > 0 ? answer.healthCheckMs() : DEFAULT_CHECK_MS;
            checkMs = Math.max(50, Math.min(600_000, interval));
            gatewayName = answer.gateway() != null ? answer.gateway() : gatewayUrl;
        } catch (java.io.IOException | RuntimeException e) {
            checkMs = DEFAULT_CHECK_MS;
            gatewayName = gatewayUrl;
        }
    }

    /** Stops watching and says goodbye; a gateway that cannot be reached will notice by itself. */
    void deregister() {
        stopped = true;
        if (gatewayName == null) {
            return;
        }
        try {
            var line = OutboundRequest.requestLine("DELETE", Paths.WORKERS + "/" + URLEncoder.encode(worker, StandardCharsets.UTF_8));
            var response = client.call(gatewayUrl, new OutboundRequest(line, tokens.callHeaders(null), null, null),
                    Duration.ofSeconds(1), MAX_ANSWER_BYTES).join();
            LOG.info("deregistered from the gateway ({})", response.status());
        } catch (RuntimeException e) {
            LOG.warn("could not deregister from the gateway at {}: {}", gatewayUrl, CallException.describe(e));
        }
    }

    private java.util.concurrent.CompletableFuture<BufferedResponse> post(Duration timeout) {
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
