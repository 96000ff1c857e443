package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.ProxySettings;
import io.clusterdeck.design.Restart;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadReport;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.service.Load;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Calls through the proxy ride through a gateway killed under load: they wait for its replacement, none is lost. */
@Timeout(180)
class GatewayRideThroughIT {
    @TempDir
    Path folder;

    private LocalCluster cluster;

    @AfterEach
    void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killingTheGatewayUnderLoadThroughTheProxyLosesNoCall() {
        var design = TestDesigns.echo(2, Restart.ALWAYS).withProxy(new ProxySettings(true));
        cluster = LocalCluster.start(design, TestDesigns.write(design, folder), TestDesigns.options(folder.resolve("home")));
        var proxy = URI.create(cluster.plan().process(Planner.PROXY).orElseThrow().url());
        var spec = new LoadSpec(proxy, List.of(new LoadSpec.Target("echo/fast", null), new LoadSpec.Target("echo/slow", null)),
                25, Duration.ofSeconds(10), 1_000, Duration.ofSeconds(15));
        long gatewayPid = cluster.process(Planner.GATEWAY).pid();

        var caller = Executors.newSingleThreadExecutor();
        var load = CompletableFuture.supplyAsync(() -> new LoadGenerator(spec).run(second -> { }), caller);
        Load.sleep(Duration.ofSeconds(2));
        cluster.kill(Planner.GATEWAY);
        LoadReport report = load.join();
        caller.shutdown();

        System.out.print(report.render());
        for (var name : List.of(Planner.GATEWAY, Planner.PROXY)) {
            System.out.println("--- " + name + "\n" + String.join("\n", cluster.log(name).tail(40)));
        }
        cluster.events().recent().forEach(System.out::println);
        assertThat(report.sent()).isEqualTo(250);
        assertThat(report.errors()).as("no call failed").isEmpty();
        assertThat(report.ok()).isEqualTo(250);
        assertThat(cluster.process(Planner.GATEWAY).pid()).as("a new gateway").isNotEqualTo(gatewayPid);
        var gatewayStory = cluster.events().recent().stream().filter(e -> Planner.GATEWAY.equals(e.worker()))
                .map(ClusterEvent::type).toList();
        assertThat(gatewayStory).containsSubsequence(EventType.FAULT, EventType.EXITED, EventType.READY);
        var gatewayReport = FailoverReport.of(cluster.events().recent()).stream()
                .filter(r -> Planner.GATEWAY.equals(r.fault().worker())).findFirst().orElseThrow();
        System.out.println(gatewayReport.render());
        assertThat(gatewayReport.closed()).isTrue();
        assertThat(gatewayReport.failedCalls()).isZero();
    }
}
