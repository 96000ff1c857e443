package io.clusterdeck.service.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.launch.FreePorts;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.Load;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The proxy holds calls while the gateway cannot be reached, and sends them once it is back. */
class GatewayRideThroughTest {
    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private ProxyService proxy;
    private InProcessCluster cluster;

    @AfterEach
    void stopEverything() {
        callers.shutdownNow();
        if (proxy != null) {
            proxy.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
    }


    private ProxyService proxyFor(int gatewayPort, int timeoutMs) {
        return ProxyService.create(new ProxyConfig("proxy", "127.0.0.1", 0, null, List.of("http://127.0.0.1:" + gatewayPort),
                "http://127.0.0.1:" + gatewayPort, 64 * 1024, timeoutMs, 0, List.of("shop/read", "shop/order"),
                null, null, List.of("shop/read"))).start();
    }

    @Test
    void callsWaitForAGatewayThatIsNotUpYetAndAreAnsweredOnceItIs() throws Exception {
        int port = FreePorts.onLoopback();
        proxy = proxyFor(port, 3_000);
        CompletableFuture<HttpResponse<String>> read = CompletableFuture.supplyAsync(
                () -> TestHttp.post(proxy.url() + "/rpc/shop/read", "{}"), callers);
        CompletableFuture<HttpResponse<String>> order = CompletableFuture.supplyAsync(
                () -> TestHttp.post(proxy.url() + "/rpc/shop/order", "{}"), callers);

        Load.sleep(Duration.ofMillis(500));
        assertThat(read).as("waiting, not failed").isNotDone();
        cluster = InProcessCluster.start(TestConfigs.gateway(port, TestConfigs.FAST_CHECKS, 3_000, null), 1, 1);

        for (var call : List.of(read, order)) {
            var answer = call.get(15, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Clusterdeck-Worker")).contains("worker-shop-1");
        }
    }

    @Test
    void aCallGivesUpWith503OnceTheGatewayStaysAwayPastItsDeadline() throws Exception {
        proxy = proxyFor(FreePorts.onLoopback(), 200);

        var answer = TestHttp.post(proxy.url() + "/rpc/shop/order", "{}");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("\"code\":\"upstream_unavailable\"").contains(" tries)");
    }
}
