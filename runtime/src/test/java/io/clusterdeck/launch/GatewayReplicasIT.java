package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.PortSettings;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadReport;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.Role;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.Load;
import io.clusterdeck.service.TestHttp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webshop with two gateways ({@code designs/webshop-ha.json}) under steady load of its idempotent public
 * functions through the proxy: one gateway killed or paused costs no call, and no call waits for it.
 */
@Timeout(240)
class GatewayReplicasIT {
    private static final Path WEBSHOP_HA = Path.of("..", "designs", "webshop-ha.json");
    private static final List<String> IDEMPOTENT = List.of("catalog/search", "catalog/product", "cart/view",
            "images/thumbnail");

    @TempDir
    Path folder;

    private Design design;
    private LocalCluster cluster;

    @BeforeEach
    void launch() {
        design = DesignFiles.load(WEBSHOP_HA).orThrow()
                .withPorts(new PortSettings(20_000 + (int) (ProcessHandle.current().pid() % 20_000)));
        cluster = LocalCluster.start(design, TestDesigns.write(design, folder), TestDesigns.options(folder.resolve("home")));
    }

    @AfterEach
    void stopEverything() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Load at 40 calls/s for the given time; {@code during} runs after 3 s, on this thread. */
    private LoadReport loadWhile(Duration length, Runnable during) {
        var proxy = URI.create(cluster.plan().process(Planner.PROXY).orElseThrow().url());
        var spec = new LoadSpec(proxy, IDEMPOTENT.stream().map(f -> new LoadSpec.Target(f, null)).toList(), 40, length,
                1_000, Duration.ofSeconds(15));
        var caller = Executors.newSingleThreadExecutor();
        try {
            var load = CompletableFuture.supplyAsync(() -> new LoadGenerator(spec).run(second -> { }), caller);
            Load.sleep(Duration.ofSeconds(3));
            during.run();
            var report = load.join();
            System.out.print(report.render());
            cluster.events().recent().stream().filter(e -> e.worker() != null && e.worker().startsWith("gateway"))
                    .forEach(System.out::println);
            return report;
        } finally {
            caller.shutdown();
        }
    }

    /** The longest a call may take: no answer within the try timeout, then one more try within the gateway's time. */
    private long perTryTimeoutPlusOneTryMs() {
        return design.gateway().tryTimeoutMs() + design.gateway().requestTimeoutMs();
    }

    private String proxyHealth() {
        return TestHttp.get(cluster.plan().process(Planner.PROXY).orElseThrow().url() + "/health").body();
    }

    @Test
    void killingOneOfTwoGatewaysUnderLoadLosesNoCallAndTheKilledOneComesBackIntoRotation() {
        long pid = cluster.process("gateway-1").pid();

        var report = loadWhile(Duration.ofSeconds(10), () -> cluster.kill("gateway-1"));

        assertThat(report.sent()).isEqualTo(400);
        assertThat(report.errors()).as("no call failed").isEmpty();
        assertThat(report.ok()).isEqualTo(400);
        System.out.printf("slowest call: %.1f ms (bound %d ms)%n", report.percentilesMs().get(100.0),
                perTryTimeoutPlusOneTryMs());
        assertThat(report.percentilesMs().get(100.0)).as("no call waited out the restart")
                .isLessThan(perTryTimeoutPlusOneTryMs());
        assertThat(cluster.process("gateway-1").pid()).as("a new gateway-1").isNotEqualTo(pid);
        var story = cluster.events().recent().stream().filter(e -> "gateway-1".equals(e.worker()))
                .map(ClusterEvent::type).toList();
        assertThat(story).containsSubsequence(EventType.FAULT, EventType.EXITED, EventType.READY);
        var failover = FailoverReport.of(cluster.events().recent()).stream()
                .filter(r -> "gateway-1".equals(r.fault().worker())).findFirst().orElseThrow();
        System.out.println(failover.render());
        assertThat(failover.failedCalls()).isZero();
        Await.until("gateway-1 back in the proxy's rotation", Duration.ofSeconds(20),
                () -> !proxyHealth().contains("\"up\":false"));
        Await.until("the new gateway-1 knows every worker", Duration.ofSeconds(20), () -> {
            var state = cluster.gatewayStates().get("gateway-1");
            return state != null && state.workers().size() == cluster.plan().withRole(Role.WORKER).size();
        });
    }

    @Test
    void pausingOneOfTwoGatewaysForFiveSecondsFailsNoIdempotentCallAndHoldsNoneLongerThanATryTimeoutAndOneTry() {
        var report = loadWhile(Duration.ofSeconds(12), () -> {
            cluster.pause("gateway-2");
            Load.sleep(Duration.ofSeconds(5));
            cluster.resume("gateway-2");
        });

        assertThat(report.sent()).isEqualTo(480);
        assertThat(report.errors()).as("no call failed").isEmpty();
        System.out.printf("slowest call: %.1f ms (bound %d ms)%n", report.percentilesMs().get(100.0),
                perTryTimeoutPlusOneTryMs());
        assertThat(report.percentilesMs().get(100.0)).as("no call waited for the paused gateway")
                .isLessThan(perTryTimeoutPlusOneTryMs());
        Await.until("gateway-2 back in the proxy's rotation", Duration.ofSeconds(20),
                () -> !proxyHealth().contains("\"up\":false"));
        assertThat(cluster.process(Planner.gatewayName(2, 2)).state()).isEqualTo(ProcessState.RUNNING);
    }
}
