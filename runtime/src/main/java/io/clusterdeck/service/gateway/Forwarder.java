package io.clusterdeck.service.gateway;

import io.clusterdeck.design.Latency;
import io.clusterdeck.plan.FunctionRoute;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.SegmentRoute;
import io.clusterdeck.service.Access;
import io.clusterdeck.service.Bodies;
import io.clusterdeck.service.Clock;
import io.clusterdeck.service.ClusterClient;
import io.clusterdeck.service.ClusterTokens;
import io.clusterdeck.service.Json;
import io.clusterdeck.service.Scheduler;
import io.clusterdeck.service.ServiceException;
import io.clusterdeck.service.ServiceMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /rpc/{function}}: checks access, reads the small body whole (so a call can be replayed), and hands
 * it to a {@link ForwardedCall} that balances, retries and times out without holding a thread.
 */
final class Forwarder implements HttpHandler {
    static final String AFFINITY_COOKIE = "clusterdeck-affinity";

    private final GatewayConfig config;
    private final Map<String, FunctionRoute> functions = new HashMap<>();
    private final Map<String, Balancer> balancers = new HashMap<>();
    final WorkerRegistry registry;
    final ClusterClient client;
    final ClusterTokens tokens;
    final Scheduler scheduler;
    final Clock clock;
    final ServiceMetrics metrics;

    Forwarder(GatewayConfig config, WorkerRegistry registry, ClusterClient client, ClusterTokens tokens,
              Scheduler scheduler, Clock clock, ServiceMetrics metrics) {
        this.config = config;
        this.registry = registry;
        this.client = client;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
        config.functions().forEach(route -> functions.put(route.name(), route));
        for (SegmentRoute segment : config.segments()) {
            balancers.put(segment.name(), Balancer.of(segment.balancing()));
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        var function = Bodies.functionOf(exchange);
        var route = functions.get(function);
        if (route == null) {
            throw ServiceException.unknownFunction(function);
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod() + " /rpc/" + function + " (use POST)");
        }
        Access.check(route.access(), function, tokens.verify(exchange));
        Bodies.read(exchange, config.maxBodyBytes() > 0 ? config.maxBodyBytes() : 1024 * 1024, (ex, body) -> {
            Json.requestObject(body);
            new ForwardedCall(this, ex, route, body, affinityOf(ex, route)).start();
        });
    }

    Balancer balancer(String segment) {
        return balancers.computeIfAbsent(segment, s -> new RoundRobin());
    }

    long timeoutMs() {
        return config.requestTimeoutMs() > 0 ? config.requestTimeoutMs() : 5_000;
    }

    int retries() {
        return Math.max(0, config.retries());
    }

    Latency hopLatency() {
        return config.hopLatency();
    }

    private String affinityOf(HttpServerExchange exchange, FunctionRoute route) {
        var header = exchange.getRequestHeaders().getFirst(io.clusterdeck.service.Headers.AFFINITY);
        if (header != null && !header.isBlank()) {
            return header;
        }
        var cookie = exchange.getRequestCookie(AFFINITY_COOKIE);
        if (cookie != null) {
            return cookie.getValue();
        }
        if (balancers.get(route.segment()) instanceof Sticky) {
            var key = java.util.UUID.randomUUID().toString();
            exchange.setResponseCookie(new io.undertow.server.handlers.CookieImpl(AFFINITY_COOKIE, key).setPath("/"));
            return key;
        }
        return null;
    }
}
