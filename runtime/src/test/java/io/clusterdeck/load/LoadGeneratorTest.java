package io.clusterdeck.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator against a plain HTTP server on loopback that counts what it is asked. */
class LoadGeneratorTest {
    private HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/rpc/")) {
                calls.computeIfAbsent(path.substring(5), p -> new AtomicInteger()).incrementAndGet();
                order.add(path.substring(5));
            }
            var body = "{}".getBytes();
            exchange.sendResponseHeaders(path.endsWith("broken") ? 500 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private LoadSpec spec(List<LoadSpec.Target> targets, double rate, long seconds, long seed) {
        return new LoadSpec(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), targets, rate,
                Duration.ofSeconds(seconds), 100, Duration.ofSeconds(5), seed);
    }

    @Test
    void aRunSendsExactlyRateTimesDurationCalls() {
        var report = new LoadGenerator(spec(List.of(new LoadSpec.Target("a/one", null)), 30, 1, 1)).run(s -> { });

        assertThat(report.sent()).isEqualTo(30);
        assertThat(report.ok()).isEqualTo(30);
        assertThat(calls.get("a/one")).hasValue(30);
    }

    @Test
    void weightedTargetsShareTheCallsInProportionAndTheSeedFixesWhichAreSent() {
        var targets = List.of(new LoadSpec.Target("a/heavy", null, 1), new LoadSpec.Target("a/light", null, 3));

        var report = new LoadGenerator(spec(targets, 200, 1, 42)).run(s -> { });
        var first = List.copyOf(order);
        order.clear();
        new LoadGenerator(spec(targets, 200, 1, 42)).run(s -> { });

        assertThat(report.byFunction().get("a/light").ok()).isBetween(125L, 175L);
        assertThat(report.byFunction().get("a/heavy").ok()).isEqualTo(200 - report.byFunction().get("a/light").ok());
        assertThat(sorted(order)).as("the same calls again").isEqualTo(sorted(first));
    }

    @Test
    void failuresAndLatencyAreReportedPerFunction() {
        var targets = List.of(new LoadSpec.Target("a/fine", null), new LoadSpec.Target("a/broken", null));

        var report = new LoadGenerator(spec(targets, 20, 1, 1)).run(s -> { });

        assertThat(report.byFunction().get("a/fine").ok()).isEqualTo(10);
        assertThat(report.byFunction().get("a/fine").p99Ms()).isPositive();
        assertThat(report.byFunction().get("a/broken").ok()).isZero();
        assertThat(report.byFunction().get("a/broken").failed()).isEqualTo(10);
        assertThat(report.errors()).containsEntry("500", 10L);
    }

    private static List<String> sorted(List<String> calls) {
        return calls.stream().sorted().toList();
    }
}
