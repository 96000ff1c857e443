package io.clusterdeck.launch;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.GatewaySettings;
import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.PortSettings;
import io.clusterdeck.design.ProxySettings;
import io.clusterdeck.design.Restart;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.design.WorkerCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Small designs for launcher tests: quick health checks, a function of known latency. */
final class TestDesigns {
    /** Fixed latency of {@code echo/slow}, so that measured percentiles can be checked against it. */
    static final double SLOW_MS = 20;

    private TestDesigns() {
    }

    /** One segment {@code echo} with the given workers and restart policy, no proxy, health checks every 100 ms. */
    static Design echo(int workers, Restart restart) {
        var functions = List.of(
                Function.simulated("echo/fast", Access.PUBLIC, new Simulation(0.1, null, null, 32)).withIdempotent(true),
                Function.simulated("echo/slow", Access.PUBLIC, new Simulation(0.0, Latency.fixed(SLOW_MS), null, 32))
                        .withIdempotent(true));
        var segment = Segment.named("echo").withFunctions(List.of("echo/fast", "echo/slow"))
                .withWorkers(WorkerCount.of(workers)).withBalancing(Balancing.ROUND_ROBIN).withRestart(restart);
        return Design.named("echo-test").withFunctions(functions).withSegments(List.of(segment))
                .withGateway(GatewaySettings.DEFAULT.withHealthCheck(new HealthCheck(100, 80, 2, 1)))
                .withProxy(new ProxySettings(false))
                .withPorts(new PortSettings(20_000 + (int) (ProcessHandle.current().pid() % 20_000)));
    }

    /**
     * Two segments that do alike work: {@code front/page} (public, 2 ms of CPU) calls {@code back/stock} (private,
     * 1 ms of CPU and a 2 ms wait) in the other segment, through the gateway, on every call.
     */
    static Design frontAndBack() {
        var functions = List.of(
                Function.simulated("front/page", Access.PUBLIC, new Simulation(2.0, null, null, 64)).withIdempotent(true)
                        .withCalls(List.of("back/stock")),
                Function.simulated("back/stock", Access.PRIVATE, new Simulation(1.0, Latency.fixed(2), null, 64))
                        .withIdempotent(true));
        var front = Segment.named("front").withFunctions(List.of("front/page")).withWorkers(WorkerCount.of(1));
        var back = Segment.named("back").withFunctions(List.of("back/stock")).withWorkers(WorkerCount.of(2));
        return Design.named("front-and-back").withFunctions(functions).withSegments(List.of(front, back))
                .withGateway(GatewaySettings.DEFAULT.withHealthCheck(new HealthCheck(100, 80, 2, 1)))
                .withProxy(new ProxySettings(false))
                .withPorts(new PortSettings(20_000 + (int) (ProcessHandle.current().pid() % 20_000)));
    }

    static Path write(Design design, Path folder) {
        try {
            var file = folder.resolve(design.name() + ".json");
            DesignFiles.save(design, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launch options for tests: the built jar, a private home, quick restarts. */
    static LaunchOptions options(Path home) {
        return LaunchOptions.defaults().withHome(home).withClasspath(jar()).withAppCds(false)
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10), 5,
                        Duration.ofSeconds(60)));
    }

    static String jar() {
        var jar = System.getProperty("clusterdeck.jar");
        if (jar == null) {
            throw new IllegalStateException("system property clusterdeck.jar is not set: run with mvn verify");
        }
        return jar;
    }
}
