package io.clusterdeck.service;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.plan.FunctionRoute;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.SegmentRoute;
import io.clusterdeck.plan.WorkerConfig;
import java.util.List;

/**
 * A small cluster for tests: segment {@code shop} with public, protected, private and cross-segment functions, and
 * segment {@code stock} holding what {@code shop} calls across.
 */
public final class TestConfigs {
    public static final String KEY = "test-cluster-key";
    public static final HealthCheck FAST_CHECKS = new HealthCheck(200, 150, 2, 1);

    public static final List<Function> SHOP = List.of(
            function("shop/read", Access.PUBLIC, true, List.of(), 0.2, 3),
            function("shop/write", Access.PUBLIC, false, List.of(), 0.2, 3),
            function("shop/slow", Access.PUBLIC, true, List.of(), 0, 1_500),
            function("shop/admin", Access.PROTECTED, false, List.of(), 0, 1),
            function("shop/price", Access.PRIVATE, true, List.of(), 0, 1),
            function("shop/page", Access.PUBLIC, true, List.of("shop/price"), 0, 1),
            function("shop/order", Access.PUBLIC, false, List.of("stock/reserve"), 0, 1));
    public static final List<Function> STOCK = List.of(
            function("stock/reserve", Access.PRIVATE, false, List.of(), 0, 1),
            function("stock/count", Access.PUBLIC, true, List.of(), 0, 1));

    private TestConfigs() {
    }

    public static Function function(String name, Access access, boolean idempotent, List<String> calls, double cpuMs,
                                    double latencyMs) {
        return new Function(name, null, access, idempotent, calls,
                new Simulation(cpuMs, Latency.fixed(latencyMs), 0.0, 128), null);
    }

    public static GatewayConfig gateway(int port, HealthCheck checks, int timeoutMs, String keyFile) {
        return gateway("gateway", port, checks, timeoutMs, keyFile);
    }

    /** A gateway of the given name: replicas of a cluster have names of their own. */
    public static GatewayConfig gateway(String name, int port, HealthCheck checks, int timeoutMs, String keyFile) {
        var segments = List.of(
                new SegmentRoute("shop", Balancing.ROUND_ROBIN, SHOP.stream().map(Function::name).toList(), 3),
                new SegmentRoute("stock", Balancing.ROUND_ROBIN, STOCK.stream().map(Function::name).toList(), 1));
        var routes = new java.util.ArrayList<FunctionRoute>();
        SHOP.forEach(f -> routes.add(new FunctionRoute(f.name(), "shop", f.access(), f.idempotent(), callersOf(f.name()))));
        STOCK.forEach(f -> routes.add(new FunctionRoute(f.name(), "stock", f.access(), f.idempotent(), callersOf(f.name()))));
        return new GatewayConfig(name, "127.0.0.1", port, keyFile, checks, timeoutMs, 2, 64 * 1024, segments,
                routes, null);
    }

    /** The functions whose calls name the given one. */
    public static List<String> callersOf(String function) {
        return java.util.stream.Stream.concat(SHOP.stream(), STOCK.stream()).filter(f -> f.calls().contains(function))
                .map(Function::name).toList();
    }

    public static WorkerConfig worker(String name, String segment, String gatewayUrl, String keyFile) {
        return worker(name, segment, List.of(gatewayUrl), keyFile);
    }

    /** A worker that registers with every one of the given gateways. */
    public static WorkerConfig worker(String name, String segment, List<String> gatewayUrls, String keyFile) {
        return new WorkerConfig(name, "127.0.0.1", 0, keyFile, segment, 1, gatewayUrls, gatewayUrls.get(0), 64 * 1024,
                segment.equals("shop") ? SHOP : STOCK, List.of());
    }
}
