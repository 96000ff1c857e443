package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.service.Events;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.Load;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A gateway that has just started holds calls for a segment whose workers have not registered yet. */
class StartupHoldTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(2);
    private InProcessCluster cluster;

    @AfterEach
    void stopEverything() {
        callers.shutdownNow();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aCallForASegmentWithNoWorkerYetWaitsForOneToRegisterInsteadOfFailing() throws Exception {
        cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 5_000, 1, 0);
        CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(
                () -> TestHttp.post(cluster.rpc("stock/count"), "{}"), callers);

        Load.sleep(Duration.ofMillis(300));
        assertThat(call).as("held, not failed").isNotDone();
        cluster.addWorker("stock", 1);

        var answer = call.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var held = Events.read(cluster.gateway.url(), events -> events.stream().anyMatch(e -> e.type() == EventType.HELD),
                Duration.ofSeconds(5)).stream().filter(e -> e.type() == EventType.HELD).findFirst().orElseThrow();
        assertThat(held.segment()).isEqualTo("stock");
        assertThat(held.reason()).startsWith("held 1 call for up to ").endsWith("until a worker of the segment registered");
    }

    @Test
    void onceTheHoldIsOverACallForASegmentWithNoWorkerFailsWithNoWorker() {
        cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 10_000, 1, 0);
        Load.sleep(Duration.ofMillis(StartupHold.lengthMs(TestConfigs.FAST_CHECKS.intervalMs()) + 200));

        var answer = TestHttp.post(cluster.rpc("stock/count"), "{}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("no_worker");
        var events = Events.read(cluster.gateway.url(), list -> list.stream().anyMatch(e -> e.type() == EventType.NO_WORKER),
                Duration.ofSeconds(5));
        assertThat(events).extracting(ClusterEvent::type).doesNotContain(EventType.HELD);
    }
}
