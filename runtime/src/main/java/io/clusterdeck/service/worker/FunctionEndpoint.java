package io.clusterdeck.service.worker;

import io.clusterdeck.design.Function;
import io.clusterdeck.http.Bodies;
import io.clusterdeck.http.CallStats;
import io.clusterdeck.http.ErrorHandler;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.RequestIds;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.security.ClusterTokens.Caller;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * {@code POST /rpc/{function}} in a worker or standalone service: checks who may call, reads the arguments, adds
 * the demo latency, runs the function and answers from the thread that finished it, so a function that needs no
 * other thread costs no hand-off. A draining worker answers 503 with {@code X-Clusterdeck-Draining}, which tells
 * the gateway the call never ran.
 */
public final class FunctionEndpoint implements HttpHandler {

    private final String worker;
    private final FunctionCatalog catalog;
    private final WorkerState state;
    private final long maxBodyBytes;
    private final BiFunction<HttpServerExchange, Function, Optional<Caller>> entryCheck;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Map<String, Hosted> byPath = new HashMap<>();

    /** A hosted function with its figures, found by its path in one lookup. */
    private record Hosted(Function function, CallStats stats) {
    }

    /**
     * @param entryCheck the verified caller of the exchange (empty: anonymous); throws when it may not call the
     *                   function
     */
    public FunctionEndpoint(String worker, FunctionCatalog catalog, WorkerState state, long maxBodyBytes,
                            BiFunction<HttpServerExchange, Function, Optional<Caller>> entryCheck, Scheduler scheduler,
                            Clock clock, ServiceMetrics metrics) {
        this.worker = worker;
        this.catalog = catalog;
        this.state = state;
        this.maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 1024 * 1024;
        this.entryCheck = entryCheck;
        this.scheduler = scheduler;
        this.clock = clock;
        for (var name : catalog.names()) {
            byPath.put(Paths.RPC + name, new Hosted(catalog.definition(name).orElseThrow(), metrics.calls(name, worker)));
        }
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        var hosted = byPath.get(exchange.getRequestPath());
        if (state.draining()) {
            Bodies.functionOf(exchange);
            exchange.getResponseHeaders().put(ClusterHeaders.DRAINING, "true");
            throw ServiceException.unavailable("draining", worker + " is stopping and takes no new calls");
        }
        if (hosted == null) {
            throw ServiceException.unknownFunction(Bodies.functionOf(exchange));
        }
        var function = hosted.function();
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod() + " /rpc/" + function.name() + " (use POST)");
        }
        var caller = entryCheck.apply(exchange, function);
        var user = caller.map(Caller::user).orElse(null);
        Bodies.read(exchange, maxBodyBytes, (ex, body) -> {
            var call = new FunctionCall(function.name(), Json.requestObject(body), RequestIds.of(ex), null, user);
            long started = clock.nanos();
            state.started();
            long delay = state.addedLatencyMs();
            if (delay > 0) {
                scheduler.schedule(() -> run(ex, call, hosted.stats(), started), delay, TimeUnit.MILLISECONDS);
            } else {
                run(ex, call, hosted.stats(), started);
            }
        });
    }

    private void run(HttpServerExchange exchange, FunctionCall call, CallStats stats, long started) {
        catalog.invoke(call).whenComplete((result, failure) -> {
            state.finished();
            var error = failure == null ? null : ErrorHandler.map(failure);
            stats.record(error == null ? 200 : error.status(), clock.nanos() - started);
            if (error == null) {
                Responses.json(exchange, 200, result);
            } else {
                Responses.error(exchange, error);
            }
        });
    }
}
