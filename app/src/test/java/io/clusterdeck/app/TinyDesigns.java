package io.clusterdeck.app;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.GatewaySettings;
import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.PortSettings;
import io.clusterdeck.design.ProxySettings;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.design.WorkerCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Two small designs that differ in one thing: front/page calls back/stock across two segments through the gateway
 * (split), or in-process in one segment (merged). Quick health checks, no proxy, ports of this test run's own.
 */
public final class TinyDesigns {
    private TinyDesigns() {
    }

    public static Design split() {
        var functions = List.of(
                Function.simulated("front/page", Access.PUBLIC, new Simulation(2.0, null, null, 64)).withIdempotent(true)
                        .withCalls(List.of("back/stock")),
                Function.simulated("back/stock", Access.PRIVATE, new Simulation(0.5, Latency.fixed(2), null, 64))
                        .withIdempotent(true));
        var front = Segment.named("front").withFunctions(List.of("front/page")).withWorkers(WorkerCount.of(1));
        var back = Segment.named("back").withFunctions(List.of("back/stock")).withWorkers(WorkerCount.of(1));
        return Design.named("front-and-back").withFunctions(functions).withSegments(List.of(front, back))
                .withGateway(GatewaySettings.DEFAULT.withHealthCheck(new HealthCheck(100, 80, 2, 1)))
                .withProxy(new ProxySettings(false))
                // Below the ephemeral range, and apart from any other test JVM's, which has another pid.
                .withPorts(new PortSettings(20_000 + (int) (ProcessHandle.current().pid() % 20_000)));
    }

    public static Design merged() {
        return split().withName("front-and-back-merged").withSegments(List.of(
                Segment.named("front").withFunctions(List.of("front/page", "back/stock"))));
    }

    /** Saves a design as {@code <name>.json} in the folder. */
    public static Path write(Design design, Path folder) {
        try {
            var file = folder.resolve(design.name() + ".json");
            DesignFiles.save(design, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
