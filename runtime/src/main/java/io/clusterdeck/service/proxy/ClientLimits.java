package io.clusterdeck.service.proxy;

import io.clusterdeck.http.ServiceException;
import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls in flight per client address, so that one client cannot take every slot of the proxy: beyond the limit a
 * call is refused at once with 503 and {@code Retry-After}, and the count goes down when an exchange ends.
 */
final class ClientLimits {
    private final int perClient;
    private final Map<InetAddress, Integer> inFlight = new ConcurrentHashMap<>();

    ClientLimits(int perClient) {
        this.perClient = perClient;
    }

    /** Counts the exchange against its client until it ends; a 503 when the client is at its limit. */
    void enter(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        var address = source == null ? null : source.getAddress();
        if (address == null) {
            return;
        }
        var admitted = new boolean[1];
        inFlight.compute(address, (a, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perClient;
            return admitted[0] ? now + 1 : count;
        });
        if (!admitted[0]) {
            throw ServiceException.busy("this address has " + perClient + " calls in flight, the most one client may have");
        }
        exchange.addExchangeCompleteListener((ex, next) -> {
            inFlight.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
            next.proceed();
        });
    }

    int inFlight(InetAddress address) {
        return inFlight.getOrDefault(address, 0);
    }
}
