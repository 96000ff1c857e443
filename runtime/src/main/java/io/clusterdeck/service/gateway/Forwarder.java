package io.clusterdeck.service.gateway;

import io.clusterdeck.design.Latency;
import io.clusterdeck.http.Bodies;
import io.clusterdeck.http.ByteBudget;
import io.clusterdeck.http.CallStats;
import io.clusterdeck.http.Deadlines;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.SegmentRoute;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.security.MemberAccess;
import io.clusterdeck.time.Scheduler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /rpc/{function}}: checks access, reads the small body whole (so a call can be replayed), and hands
 * it to a {@link ForwardedCall}, which balances, retries and times out on the I/O thread that took the call.
 */
final class Forwarder implements HttpHandler {
    static final String AFFINITY_COOKIE = "clusterdeck-affinity";

    private final Map<String, RpcRoute> byPath = new HashMap<>();
    private final Map<String, Balancer> balancers = new HashMap<>();
    private final CallStats[] unserved;
    private final long timeoutMs;
    private final int retries;
    private final int maxBodyBytes;
    private final Latency hopLatency;
    final WorkerRegistry registry;
    final UpstreamClient client;
    final ClusterTokens tokens;
    final Scheduler scheduler;
    final ByteBudget budget;
    final Deadlines deadlines;

    Forwarder(GatewayConfig config, List<RpcRoute> routes, WorkerRegistry registry, UpstreamClient client,
              ClusterTokens tokens, Scheduler scheduler, ServiceMetrics metrics, ByteBudget budget) {
        this.registry = registry;
        this.client = client;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.budget = budget;
        this.timeoutMs = config.requestTimeoutMs() > 0 ? config.requestTimeoutMs() : 5_000;
        this.retries = Math.max(0, config.retries());
        this.maxBodyBytes = config.maxBodyBytes() > 0 ? config.maxBodyBytes() : 1024 * 1024;
        this.hopLatency = config.hopLatency();
        this.deadlines = new Deadlines(timeoutMs);
        this.unserved = new CallStats[routes.size()];
        for (var route : routes) {
            byPath.put(Paths.RPC + route.name(), route);
            unserved[route.index()] = metrics.calls(route.name(), null);
        }
        for (SegmentRoute segment : config.segments()) {
            balancers.put(segment.name(), Balancer.of(segment.balancing()));
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        var route = byPath.get(exchange.getRequestPath());
        if (route == null) {
            throw ServiceException.unknownFunction(Bodies.functionOf(exchange));
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod() + " /rpc/" + route.name() + " (use POST)");
        }
        var caller = tokens.verify(exchange);
        MemberAccess.check(route.route(), caller);
        var headers = caller.isPresent() && caller.get().user() != null ? userHeaders(exchange) : memberHeaders();
        Bodies.read(exchange, maxBodyBytes, budget, (ex, body) -> {
            Json.checkObject(body);
            new ForwardedCall(this, ex, route, body, headers, affinityOf(ex, route)).start();
        });
    }

    Balancer balancer(String segment) {
        return balancers.computeIfAbsent(segment, s -> new RoundRobin());
    }

    long timeoutMs() {
        return timeoutMs;
    }

    int retries() {
        return retries;
    }

    Latency hopLatency() {
        return hopLatency;
    }

    CallStats unserved(RpcRoute route) {
        return unserved[route.index()];
    }

    /** The headers a forwarded call carries: JSON, and the gateway's member token (renewed as it ages). */
    private byte[] memberHeaders() {
        return tokens.callHeaders(null);
    }

    /** A call made for an end user goes on with the member token that carries them, which this gateway verified. */
    private static byte[] userHeaders(HttpServerExchange exchange) {
        return OutboundRequest.headers("Content-Type", "application/json", "Authorization",
                exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    }

    private String affinityOf(HttpServerExchange exchange, RpcRoute route) {
        if (!(balancers.get(route.segment()) instanceof Sticky)) {
            return null;
        }
        var header = exchange.getRequestHeaders().getFirst(io.clusterdeck.protocol.ClusterHeaders.AFFINITY);
        if (header != null && !header.isBlank()) {
            return header;
        }
        var cookie = exchange.getRequestCookie(AFFINITY_COOKIE);
        if (cookie != null) {
            return cookie.getValue();
        }
        var key = java.util.UUID.randomUUID().toString();
        exchange.setResponseCookie(new io.undertow.server.handlers.CookieImpl(AFFINITY_COOKIE, key).setPath("/"));
        return key;
    }
}
