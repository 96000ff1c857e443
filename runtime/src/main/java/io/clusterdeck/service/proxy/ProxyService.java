package io.clusterdeck.service.proxy;

import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.service.Bodies;
import io.clusterdeck.service.ClusterClient;
import io.clusterdeck.service.Headers;
import io.clusterdeck.service.HttpService;
import io.clusterdeck.service.Json;
import io.clusterdeck.service.RequestIds;
import io.clusterdeck.service.Responses;
import io.clusterdeck.service.Routes;
import io.clusterdeck.service.ServiceException;
import io.clusterdeck.service.ServiceMetrics;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The proxy in front of a cluster: {@code POST /rpc/{function}} of public functions goes to the gateway (others
 * are unknown here: 404), every other GET to the repository. Its own {@code GET /health} and {@code GET /metrics}
 * answer locally. Callers' credentials are not passed on: from outside, only public functions exist.
 */
public final class ProxyService extends HttpService {
    private final ProxyConfig config;
    private final Set<String> publicFunctions;
    private final ServiceMetrics metrics;
    private final ClusterClient client;

    private ProxyService(ProxyConfig config) {
        this.config = config;
        this.publicFunctions = Set.copyOf(config.publicFunctions());
        this.metrics = new ServiceMetrics(config.name());
        this.client = new ClusterClient(config.name());
    }

    public static ProxyService create(ProxyConfig config) {
        return new ProxyService(config);
    }

    @Override
    public ProxyService start() {
        var health = Json.object().put("status", "UP").put("name", config.name());
        listen(config.host(), config.port(), Routes.root(config.name(), exchange -> {
            var path = exchange.getRequestPath();
            if (path.startsWith("/rpc/")) {
                rpc(exchange);
            } else if (path.equals("/health")) {
                Responses.json(exchange, 200, health);
            } else if (path.equals("/metrics")) {
                metrics.handler().handleRequest(exchange);
            } else {
                asset(exchange);
            }
        }));
        return this;
    }

    private void rpc(HttpServerExchange exchange) {
        var function = Bodies.functionOf(exchange);
        if (!publicFunctions.contains(function)) {
            throw ServiceException.unknownFunction(function);
        }
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod() + " /rpc/" + function + " (use POST)");
        }
        long started = System.nanoTime();
        Bodies.read(exchange, config.maxBodyBytes() > 0 ? config.maxBodyBytes() : 1024 * 1024, (ex, body) -> {
            Json.requestObject(body);
            var headers = new HashMap<String, String>();
            headers.put("Content-Type", "application/json");
            headers.put(Headers.REQUEST_ID.toString(), RequestIds.of(ex));
            var affinity = ex.getRequestHeaders().getFirst(Headers.AFFINITY);
            if (affinity != null) {
                headers.put(Headers.AFFINITY.toString(), affinity);
            }
            var cookie = ex.getRequestHeaders().getFirst(io.undertow.util.Headers.COOKIE);
            if (cookie != null) {
                headers.put("Cookie", cookie);
            }
            forward(ex, "POST", config.rpcUrl() + "/rpc/" + function, body, headers, function, started);
        });
    }

    private void asset(HttpServerExchange exchange) {
        var method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            throw ServiceException.methodNotAllowed(method.toString());
        }
        var query = exchange.getQueryString();
        var target = config.repositoryUrl() + exchange.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        exchange.dispatch(io.undertow.util.SameThreadExecutor.INSTANCE, () -> forward(exchange, method.toString(), target,
                null, Map.of(Headers.REQUEST_ID.toString(), RequestIds.of(exchange)), "asset", System.nanoTime()));
    }

    private void forward(HttpServerExchange exchange, String method, String url, byte[] body, Map<String, String> headers,
                         String function, long started) {
        long timeout = config.requestTimeoutMs() > 0 ? config.requestTimeoutMs() : 5_000;
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = client.send(method, url, body, headers, Duration.ofMillis(timeout));
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, ServiceException.badRequest("cannot forward this path"));
            return;
        }
        sent.whenComplete((response, failure) -> Responses.later(exchange, () -> {
            if (failure != null) {
                var error = ClusterClient.timedOut(failure)
                        ? ServiceException.timedOut("no answer within " + timeout + " ms")
                        : ServiceException.unavailable("upstream_unavailable", "cannot reach " + url.replaceFirst("(https?://[^/]+).*", "$1")
                        + ": " + ClusterClient.describe(failure));
                metrics.recordCall(function, null, error.status(), System.nanoTime() - started);
                Responses.error(exchange, error);
                return;
            }
            var servedBy = response.headers().firstValue(Headers.WORKER.toString());
            metrics.recordCall(function, servedBy.orElse(null), response.statusCode(), System.nanoTime() - started);
            exchange.setStatusCode(response.statusCode());
            servedBy.ifPresent(worker -> exchange.getResponseHeaders().put(Headers.WORKER, worker));
            for (var name : new String[] {"Content-Type", "Set-Cookie", "X-Clusterdeck-Sha256", "Last-Modified", "ETag"}) {
                response.headers().allValues(name).forEach(value ->
                        exchange.getResponseHeaders().add(new io.undertow.util.HttpString(name), value));
            }
            exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
        }));
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void stop() {
        stopListening();
        client.close();
    }
}
