package io.clusterdeck.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A service's metrics, served as Prometheus text on {@code GET /metrics}: calls and their durations per function
 * and worker ({@code clusterdeck_calls_total}, {@code clusterdeck_call_seconds}), counters of events, and gauges.
 *
 * <p>Calls are counted in plain adders ({@link CallStats}) that callers look up once; the Prometheus registry is
 * made at the first scrape and reads those adders, so a service that is never scraped never loads it.
 */
public final class ServiceMetrics {
    private final String service;
    private final Map<String, CallStats> calls = new ConcurrentHashMap<>();
    private final Map<List<String>, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Number>> gauges = new ConcurrentHashMap<>();
    private final java.util.Set<Object> registered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private PrometheusMeterRegistry registry;

    public ServiceMetrics(String service) {
        this.service = service;
    }

    /** The stats of a function's calls served by a worker ({@code null}: none served it). */
    public CallStats calls(String function, String worker) {
        var name = worker == null ? "none" : worker;
        return calls.computeIfAbsent(function + '\n' + name, key -> new CallStats(function, name));
    }

    /** Counts an event such as a retry or a health change; tags are name and value pairs. */
    public void count(String name, String... tags) {
        var key = new ArrayList<String>(tags.length + 1);
        key.add(name);
        key.addAll(List.of(tags));
        counters.computeIfAbsent(List.copyOf(key), k -> new LongAdder()).increment();
    }

    /** A value read at each scrape. */
    public void gauge(String name, Supplier<Number> value) {
        gauges.put(name, value);
    }

    /** {@code GET /metrics}. */
    public HttpHandler handler() {
        return exchange -> {
            var text = scrape();
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseSender().send(text, StandardCharsets.UTF_8);
        };
    }

    /** The Prometheus text of every metric so far. */
    public synchronized String scrape() {
        if (registry == null) {
            registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.config().commonTags("service", service);
        }
        for (var stats : calls.values()) {
            if (registered.add(stats)) {
                register(stats);
            }
        }
        counters.forEach((key, adder) -> {
            if (registered.add(adder)) {
                FunctionCounter.builder(key.get(0), adder, LongAdder::sum)
                        .tags(key.subList(1, key.size()).toArray(String[]::new)).register(registry);
            }
        });
        gauges.forEach((name, value) -> {
            if (registered.add(value)) {
                Gauge.builder(name, value, v -> v.get().doubleValue()).register(registry);
            }
        });
        return registry.scrape();
    }

    private void register(CallStats stats) {
        for (var outcome : List.of("ok", "client_error", "server_error")) {
            var adder = outcome.equals("ok") ? stats.ok : outcome.equals("client_error") ? stats.clientErrors : stats.serverErrors;
            FunctionCounter.builder("clusterdeck_calls", adder, LongAdder::sum)
                    .description("Calls finished, by function, worker and outcome")
                    .tags("function", stats.function, "worker", stats.worker, "outcome", outcome)
                    .register(registry);
        }
        FunctionTimer.builder("clusterdeck_call", stats, CallStats::count, s -> s.nanos.sum(), TimeUnit.NANOSECONDS)
                .description("Call durations, by function and worker")
                .tags("function", stats.function, "worker", stats.worker)
                .register(registry);
    }
}
