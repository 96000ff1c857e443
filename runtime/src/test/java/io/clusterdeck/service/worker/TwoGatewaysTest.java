package io.clusterdeck.service.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.launch.FreePorts;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import io.clusterdeck.service.gateway.GatewayService;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker of a cluster with two gateways: it keeps a tie to each, and calls other segments through any. */
class TwoGatewaysTest {
    private final List<GatewayService> gateways = new ArrayList<>();
    private final List<WorkerService> workers = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        workers.forEach(WorkerService::stop);
        gateways.forEach(GatewayService::stop);
    }

    private GatewayService gateway(String name, int port) {
        var gateway = GatewayService.create(TestConfigs.gateway(name, port, TestConfigs.FAST_CHECKS, 3_000, null),
                ClusterKey.of(TestConfigs.KEY)).start();
        gateways.add(gateway);
        return gateway;
    }

    private void worker(String name, String segment, List<String> gatewayUrls) {
        workers.add(WorkerService.create(TestConfigs.worker(name, segment, gatewayUrls, null),
                ClusterKey.of(TestConfigs.KEY)).start());
    }

    private static boolean healthyOn(GatewayService gateway, String worker) {
        var body = TestHttp.get(gateway.url() + "/cluster").body();
        int at = body.indexOf("\"name\":\"" + worker + "\"");
        return at >= 0 && body.indexOf("\"state\":\"healthy\"", at) > at;
    }


    @Test
    void aCallToAnotherSegmentGoesThroughTheGatewayThatIsThereWhenTheOtherIsGone() throws IOException {
        var two = gateway("gateway-2", 0);
        var gone = "http://127.0.0.1:" + FreePorts.onLoopback();
        worker("worker-shop-1", "shop", List.of(gone, two.url()));
        worker("worker-stock-1", "stock", List.of(gone, two.url()));
        Await.until("both workers healthy on gateway-2", Duration.ofSeconds(10),
                () -> healthyOn(two, "worker-shop-1") && healthyOn(two, "worker-stock-1"));

        for (int i = 0; i < 6; i++) {
            var answer = TestHttp.post(two.url() + "/rpc/shop/order", "{}", "Authorization", TestHttp.token(null));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void aRestartedGatewayLearnsTheWorkerAgainThoughTheOtherGatewayNeverStoppedCheckingIt() throws IOException {
        int port = FreePorts.onLoopback();
        var one = gateway("gateway-1", port);
        var two = gateway("gateway-2", 0);
        worker("worker-shop-1", "shop", List.of(one.url(), two.url()));
        Await.until("healthy on both", Duration.ofSeconds(10),
                () -> healthyOn(one, "worker-shop-1") && healthyOn(two, "worker-shop-1"));

        one.stop();
        gateways.remove(one);
        var restarted = gateway("gateway-1", port);

        Await.until("the restarted gateway-1 knows the worker again", Duration.ofSeconds(15),
                () -> healthyOn(restarted, "worker-shop-1"));
        assertThat(healthyOn(two, "worker-shop-1")).isTrue();
    }
}
