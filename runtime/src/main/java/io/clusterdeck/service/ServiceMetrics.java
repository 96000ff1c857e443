package io.clusterdeck.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A service's metrics, served as Prometheus text on {@code GET /metrics}: calls and their durations per function
 * and per worker ({@code clusterdeck_calls_total}, {@code clusterdeck_call_seconds}).
 */
public final class ServiceMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ServiceMetrics(String service) {
        registry.config().commonTags("service", service);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Counts one finished call and its duration. */
    public void recordCall(String function, String worker, int status, long nanos) {
        var outcome = status < 400 ? "ok" : status < 500 ? "client_error" : "server_error";
        Counter.builder("clusterdeck_calls")
                .description("Calls finished, by function, worker and outcome")
                .tag("function", function)
                .tag("worker", worker == null ? "none" : worker)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("clusterdeck_call")
                .description("Call durations, by function and worker")
                .tag("function", function)
                .tag("worker", worker == null ? "none" : worker)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** Counts an event such as a retry or a health change. */
    public void count(String name, String... tags) {
        registry.counter(name, tags).increment();
    }

    /** {@code GET /metrics}. */
    public HttpHandler handler() {
        return exchange -> {
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseSender().send(registry.scrape(), StandardCharsets.UTF_8);
        };
    }
}
