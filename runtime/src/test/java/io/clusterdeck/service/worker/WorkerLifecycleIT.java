package io.clusterdeck.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.event.EventType;
import io.clusterdeck.plan.WorkerConfig;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.Events;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerLifecycleIT {
    private final ServiceProcesses processes = new ServiceProcesses();

    @AfterEach
    void killEverything() {
        processes.close();
    }

    @Test
    void sigtermFinishesTheCallInFlightDeregistersAndExitsZero() {
        var gateway = processes.start(TestConfigs.gateway(0, TestConfigs.FAST_CHECKS, 5_000, processes.keyFile()));
        var worker = processes.start(TestConfigs.worker("worker-shop-1", "shop", gateway.url(), processes.keyFile()));
        Await.until("the worker serves", Duration.ofSeconds(10),
                () -> TestHttp.post(gateway.url() + "/rpc/shop/read", "{}").statusCode() == 200);

        var slow = CompletableFuture.supplyAsync(() -> TestHttp.post(gateway.url() + "/rpc/shop/slow", "{}"));
        Await.until("the slow call is in flight", Duration.ofSeconds(5),
                () -> TestHttp.get(worker.url() + "/health").body().contains("\"inFlight\":1"));
        worker.signal("TERM");

        assertThat(slow.join().statusCode()).isEqualTo(200);
        assertThat(worker.awaitExit(Duration.ofSeconds(15))).isZero();
        var events = Events.read(gateway.url(), list -> list.stream().anyMatch(e -> e.type() == EventType.DEREGISTERED),
                Duration.ofSeconds(3));
        assertThat(events).anyMatch(e -> e.type() == EventType.DEREGISTERED && "worker-shop-1".equals(e.worker()));
    }

    @Test
    void workerWithoutClusterKeyExitsWithUsageError() {
        var worker = processes.launch(TestConfigs.worker("worker-shop-1", "shop", "http://127.0.0.1:9", null));

        assertThat(worker.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
        assertThat(worker.output()).anyMatch(line -> line.equals("clusterdeck: the worker 'worker-shop-1' needs a cluster key: "
                + "set CLUSTERDECK_CLUSTER_KEY or clusterKeyFile in its config"));
    }

    @Test
    void workerKeepsTryingAnUnreachableGatewayAndRegistersWhenItComes() throws IOException {
        int port = io.clusterdeck.launch.FreePorts.onLoopback();
        WorkerConfig config = TestConfigs.worker("worker-shop-1", "shop", "http://127.0.0.1:" + port, processes.keyFile());
        var worker = processes.launch(config);
        Await.until("the worker says why it waits", Duration.ofSeconds(20), () -> worker.printed("cannot reach the gateway"));
        assertThat(worker.alive()).isTrue();

        processes.start(TestConfigs.gateway(port, TestConfigs.FAST_CHECKS, 2_000, processes.keyFile()));

        Await.until("the worker is ready", Duration.ofSeconds(20), () -> worker.printed("clusterdeck ready: name=worker-shop-1"));
    }
}
