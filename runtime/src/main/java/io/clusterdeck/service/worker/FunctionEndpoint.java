package io.clusterdeck.service.worker;

import io.clusterdeck.design.Function;
import io.clusterdeck.service.Bodies;
import io.clusterdeck.service.Clock;
import io.clusterdeck.service.ErrorHandler;
import io.clusterdeck.service.Headers;
import io.clusterdeck.service.Json;
import io.clusterdeck.service.RequestIds;
import io.clusterdeck.service.Responses;
import io.clusterdeck.service.Scheduler;
import io.clusterdeck.service.ServiceException;
import io.clusterdeck.service.ServiceMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * {@code POST /rpc/{function}} in a worker or standalone service: checks who may call, reads the arguments, adds
 * the demo latency, runs the function and answers with the worker's name. A draining worker answers 503 with
 * {@code X-Clusterdeck-Draining}, which tells the gateway the call never ran.
 */
public final class FunctionEndpoint implements HttpHandler {
    public static final HttpString DRAINING = new HttpString("X-Clusterdeck-Draining");

    private final String worker;
    private final FunctionCatalog catalog;
    private final WorkerState state;
    private final long maxBodyBytes;
    private final BiConsumer<HttpServerExchange, Function> entryCheck;
    private final Scheduler scheduler;
    private final java.util.concurrent.Executor work;
    private final Clock clock;
    private final ServiceMetrics metrics;

    /**
     * @param entryCheck throws when the exchange's caller may not call the function
     * @param work       the threads functions start on, never an I/O thread
     */
    public FunctionEndpoint(String worker, FunctionCatalog catalog, WorkerState state, long maxBodyBytes,
                            BiConsumer<HttpServerExchange, Function> entryCheck, Scheduler scheduler,
                            java.util.concurrent.Executor work, Clock clock, ServiceMetrics metrics) {
        this.worker = worker;
        this.catalog = catalog;
        this.state = state;
        this.maxBodyBytes = maxBodyBytes > 0 ? maxBodyBytes : 1024 * 1024;
        this.entryCheck = entryCheck;
        this.scheduler = scheduler;
        this.work = work;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.WORKER, worker);
        var name = Bodies.functionOf(exchange);
        if (state.draining()) {
            exchange.getResponseHeaders().put(DRAINING, "true");
            throw ServiceException.unavailable("draining", worker + " is stopping and takes no new calls");
        }
        var function = catalog.definition(name).orElseThrow(() -> ServiceException.unknownFunction(name));
        if (!exchange.getRequestMethod().equals(Methods.POST)) {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod() + " /rpc/" + name + " (use POST)");
        }
        entryCheck.accept(exchange, function);
        Bodies.read(exchange, maxBodyBytes, (ex, body) -> {
            var call = new FunctionCall(name, Json.requestObject(body), RequestIds.of(ex), null);
            long started = clock.nanos();
            state.started();
            Runnable run = () -> catalog.invoke(call).whenComplete((result, failure) -> {
                state.finished();
                var error = failure == null ? null : ErrorHandler.map(failure);
                metrics.recordCall(name, worker, error == null ? 200 : error.status(), clock.nanos() - started);
                Responses.later(ex, () -> {
                    if (error == null) {
                        Responses.json(ex, 200, result);
                    } else {
                        Responses.error(ex, error);
                    }
                });
            });
            long delay = state.addedLatencyMs();
            if (delay > 0) {
                scheduler.schedule(() -> work.execute(run), delay, TimeUnit.MILLISECONDS);
            } else {
                work.execute(run);
            }
        });
    }
}
