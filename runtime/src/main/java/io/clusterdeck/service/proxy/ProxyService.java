package io.clusterdeck.service.proxy;

import io.clusterdeck.function.EndUser;
import io.clusterdeck.http.Bodies;
import io.clusterdeck.http.ByteBudget;
import io.clusterdeck.http.CallStats;
import io.clusterdeck.http.Deadlines;
import io.clusterdeck.http.HttpService;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.RequestIds;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.Routes;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.Health;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.time.Clock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy in front of a cluster: {@code POST /rpc/{function}} of public functions goes to the gateway (others
 * are unknown here: 404), every other GET to the repository, streamed; bundles never. Its own {@code GET /health}
 * and {@code GET /metrics} answer locally. Forwarding runs on the I/O thread that took the call, over pooled
 * connections (see {@link ProxyCall}).
 *
 * <p>Callers' own credentials are never passed on. When the design authenticates end users, the proxy verifies
 * the caller's bearer token itself ({@link EndUserAuth}), lets a function that needs roles refuse who lacks them,
 * and hands the verified user on inside a member token signed with the cluster key, which no outsider can forge.
 * Each client address may have a bounded number of calls in flight; request bodies share a byte budget.
 */
public final class ProxyService extends HttpService {
    static final HttpString[] RPC_HEADERS = {Headers.CONTENT_TYPE, Headers.SET_COOKIE};
    static final HttpString[] ASSET_HEADERS = {Headers.CONTENT_TYPE, Headers.SET_COOKIE,
            ClusterHeaders.SHA256, Headers.LAST_MODIFIED, Headers.ETAG,
            Headers.CACHE_CONTROL, Headers.CONTENT_DISPOSITION};

    private static final byte[] JSON = OutboundRequest.headers("Content-Type", "application/json");
    /** How much longer than the gateway's deadline a call may wait for a gateway that restarts. */
    static final int RIDE_THROUGH_MS = 3_000;
    /** Calls that may wait at once for an unreachable upstream; more are refused at once. */
    static final int WAITING_CALLS = 2_048;
    private static final byte[] NO_HEADERS = new byte[0];

    /** Calls one client address may have in flight at once; more are refused with 503 and Retry-After. */
    static final int CALLS_PER_CLIENT = 256;

    private final ProxyConfig config;
    private final Map<String, PublicRoute> rpcByPath = new HashMap<>();
    private final EndUserAuth auth;
    private final ClusterTokens tokens;
    private final ClientLimits clients = new ClientLimits(CALLS_PER_CLIENT);
    private final ServiceMetrics metrics;
    private final CallStats assets;
    private final ByteBudget budget = ByteBudget.ofHeap(0.25);
    private final UpstreamPool gateways;
    private final UpstreamPool repository;
    private final Deadlines deadlines;
    private final Deadlines tryDeadlines;
    private final WaitingRoom waitingRoom = new WaitingRoom(WAITING_CALLS);

    /** A public function as the proxy forwards it, and the roles of which a caller needs one (none: anyone). */
    record PublicRoute(String name, byte[] requestLine, CallStats unserved, List<String> roles, boolean idempotent) {
    }

    private ProxyService(ProxyConfig config, ClusterKey key, Map<String, String> environment, Clock clock) {
        super(IoEngine.create(config.name(), Runtime.getRuntime().availableProcessors(), 2));
        this.config = config;
        this.metrics = new ServiceMetrics(config.name());
        for (var function : config.publicFunctions()) {
            rpcByPath.put(Paths.RPC + function, new PublicRoute(function, OutboundRequest.requestLine("POST", Paths.RPC + function),
                    metrics.calls(function, "gateway"), config.roles().get(function),
                    config.idempotentFunctions().contains(function)));
        }
        if (config.auth() != null && key == null) {
            engine.close();
            throw new IllegalArgumentException("a proxy that authenticates end users needs the cluster key, to hand"
                    + " the verified user on");
        }
        try {
            this.auth = config.auth() == null ? null : EndUserAuth.of(config.auth(), environment, clock);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        this.tokens = key == null ? null : new ClusterTokens(config.name(), key, clock);
        this.assets = metrics.calls("asset", "repository");
        this.gateways = new UpstreamPool(engine.client(), config.rpcUrls(), config.rpcUrls());
        this.repository = UpstreamPool.of(engine.client(), config.repositoryUrl(), config.repositoryUrl());
        // The gateway's own deadline, and the time a restarted gateway takes to come back, for calls that wait for it.
        this.deadlines = new Deadlines((config.requestTimeoutMs() > 0 ? config.requestTimeoutMs() : 5_000) + RIDE_THROUGH_MS);
        this.tryDeadlines = config.tryTimeoutMs() > 0 ? new Deadlines(config.tryTimeoutMs()) : null;
    }

    /** A proxy whose callers are anonymous, without a cluster key. */
    public static ProxyService create(ProxyConfig config) {
        return new ProxyService(config, null, Map.of(), Clock.SYSTEM);
    }

    /**
     * @param key         the cluster key, for the member tokens that carry verified users (null: none)
     * @param environment where an HS256 secret named by {@code auth.secretEnv} is read
     */
    public static ProxyService create(ProxyConfig config, ClusterKey key, Map<String, String> environment) {
        return new ProxyService(config, key, environment, Clock.SYSTEM);
    }

    /** As {@link #create(ProxyConfig, ClusterKey, Map)}, reading time from the given clock (tokens, their expiry). */
    public static ProxyService create(ProxyConfig config, ClusterKey key, Map<String, String> environment, Clock clock) {
        return new ProxyService(config, key, environment, clock);
    }

    @Override
    public ProxyService start() {
        var health = Json.bytes(Health.up(config.name()).tree());
        gateways.start();
        listen(config.host(), config.port(), Routes.root(config.name(), Routes.rpcAnd(this::rpc, this::asset)
                .addExactPath(Paths.HEALTH, exchange -> Responses.json(exchange, 200,
                        gateways.size() == 1 ? health : healthWithGateways()))
                .addExactPath(Paths.METRICS, metrics.handler())));
        return this;
    }

    private void rpc(HttpServerExchange exchange) {
        var route = rpcByPath.get(exchange.getRequestPath());
        if (route == null) {
            throw ServiceException.unknownFunction(Bodies.functionOf(exchange));
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod() + " /rpc/" + route.name() + " (use POST)");
        }
        var user = auth == null ? Optional.<EndUser>empty()
                : auth.verify(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
        if (route.roles() != null) {
            EndUserAuth.requireRole(route.name(), route.roles(), user);
        }
        clients.enter(exchange);
        long started = System.nanoTime();
        Bodies.read(exchange, config.maxBodyBytes() > 0 ? config.maxBodyBytes() : 1024 * 1024, budget, (ex, body) -> {
            Json.checkObject(body);
            var request = new OutboundRequest(route.requestLine(), forwardedHeaders(ex, user.orElse(null)),
                    RequestIds.of(ex), body);
            new ProxyCall(ex, engine.client(), gateways, request, route.unserved(), RPC_HEADERS, deadlines,
                    tryDeadlines, started, route.idempotent(), waitingRoom).start();
        });
    }

    /** The health answer of a proxy in front of several gateways: which are in rotation and the calls each got. */
    private byte[] healthWithGateways() {
        return Json.bytes(Health.proxy(config.name(), gateways.members().stream()
                .map(m -> new Health.Member(m.name(), m.up(), m.calls())).toList()).tree());
    }

    /**
     * JSON; the caller's affinity key and cookies when it sent them (sticky balancing needs them); and for a
     * verified user, a member token that carries them.
     */
    private byte[] forwardedHeaders(HttpServerExchange exchange, EndUser user) {
        var requestHeaders = exchange.getRequestHeaders();
        var affinity = requestHeaders.getFirst(ClusterHeaders.AFFINITY);
        var cookie = requestHeaders.getFirst(Headers.COOKIE);
        if (affinity == null && cookie == null && user == null) {
            return JSON;
        }
        try {
            return OutboundRequest.headers("Content-Type", "application/json", ClusterHeaders.AFFINITY.toString(), affinity,
                    "Cookie", cookie, "Authorization", user == null ? null : tokens.authorization(null, user));
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest("an affinity key or cookie holds characters a header cannot carry");
        }
    }

    private void asset(HttpServerExchange exchange) {
        var path = exchange.getRequestPath();
        if (path.equals("/bundles") || path.startsWith("/bundles/")) {
            // Bundles are code for workers, which fetch them from the repository directly; never from outside.
            throw ServiceException.notFound("nothing at " + path);
        }
        var method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            throw ServiceException.methodNotAllowed(method.toString());
        }
        var query = exchange.getQueryString();
        OutboundRequest request;
        try {
            var line = OutboundRequest.requestLine(method.toString(),
                    exchange.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query));
            request = new OutboundRequest(line, NO_HEADERS, RequestIds.of(exchange), null);
        } catch (IllegalArgumentException e) {
            throw ServiceException.badRequest("cannot forward this path");
        }
        clients.enter(exchange);
        var call = new ProxyCall(exchange, engine.client(), repository, request, assets, ASSET_HEADERS, deadlines,
                null, System.nanoTime(), true, waitingRoom);
        exchange.dispatch(io.undertow.util.SameThreadExecutor.INSTANCE, call::start);
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void stop() {
        gateways.close();
        stopEngine();
    }
}
