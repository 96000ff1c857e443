package io.clusterdeck.service.worker;

import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.Registration;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.clusterdeck.time.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's ties to every gateway of its cluster, one {@link GatewayLink} each: it registers with all of them, and
 * its calls to other segments go to any gateway that is reachable, taking turns. A worker is ready once one gateway
 * knows it; the others learn of it as soon as they answer.
 */
final class GatewayLinks {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayLinks.class);

    private final List<String> urls;
    private final AtomicInteger turn = new AtomicInteger();
    private volatile List<GatewayLink> links = List.of();

    GatewayLinks(List<String> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one gateway");
        }
        this.urls = List.copyOf(urls);
    }

    /**
     * Registers with every gateway, and returns once one has taken the registration; the others go on trying in
     * the background. A refusal by every gateway is a {@link GatewayLink.RegistrationRefused}.
     */
    void register(String worker, Registration registration, UpstreamClient client, ClusterTokens tokens,
                  Scheduler scheduler, Clock clock) throws InterruptedException {
        var made = new ArrayList<GatewayLink>();
        for (var url : urls) {
            made.add(new GatewayLink(url, worker, registration, client, tokens, scheduler, clock));
        }
        links = List.copyOf(made);
        if (made.size() == 1) {
            if (made.get(0).register()) {
                made.get(0).keepAlive();
            }
            return;
        }
        var first = new CompletableFuture<Void>();
        var refused = new AtomicInteger();
        for (var link : made) {
            Threads.start(worker + "-register", () -> {
                try {
                    if (link.register()) {
                        link.keepAlive();
                        first.complete(null);
                    }
                } catch (GatewayLink.RegistrationRefused e) {
                    LOG.warn("{}", e.getMessage());
                    if (refused.incrementAndGet() == made.size()) {
                        first.completeExceptionally(e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try {
            first.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw (GatewayLink.RegistrationRefused) e.getCause();
        }
    }

    /** A gateway asked for this worker's health; {@code gateway} is the name it gave, as its check header says. */
    void checkedBy(String gateway) {
        for (var link : links) {
            if (link.isNamed(gateway)) {
                link.checked();
            }
        }
    }

    /** Registers again with every gateway now (the launcher asks this after it restarted one). */
    void registerNow() {
        links.forEach(GatewayLink::registerNow);
    }

    /** Says goodbye to every gateway. */
    void deregister() {
        links.forEach(GatewayLink::deregister);
    }

    boolean started() {
        return !links.isEmpty();
    }

    /**
     * The gateway for the given try of a call (1-based): the tries of one call go round the gateways starting from
     * a turn that moves on with every call, and gateways that checked this worker lately come before silent ones
     * (a gateway that hangs or restarts stops checking).
     */
    String gatewayFor(int start, int attempt) {
        var current = links;
        int size = current.size();
        if (size <= 1) {
            return urls.get(0);
        }
        int reachable = 0;
        for (var link : current) {
            reachable += link.reachable() ? 1 : 0;
        }
        // The k-th of the reachable ones in turn, or when k is past them, of the silent ones.
        int k = (attempt - 1) % size;
        boolean wanted = k < reachable;
        int skip = wanted ? k : k - reachable;
        for (int i = 0; i < size; i++) {
            var link = current.get(Math.floorMod(start + i, size));
            if (link.reachable() == wanted && skip-- == 0) {
                return link.url();
            }
        }
        return current.get(Math.floorMod(start, size)).url();
    }

    /** A new call's starting turn. */
    int nextTurn() {
        return turn.getAndIncrement();
    }

    int size() {
        return urls.size();
    }
}
