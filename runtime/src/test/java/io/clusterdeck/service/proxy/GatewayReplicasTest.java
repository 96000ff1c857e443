package io.clusterdeck.service.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterdeck.http.Json;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import io.clusterdeck.service.gateway.GatewayService;
import io.clusterdeck.service.worker.WorkerService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateways in front of the same workers, as a design with {@code gateway.replicas: 2} runs them: the workers
 * register with both, the proxy balances over both, and a gateway that is gone or hangs costs no call.
 */
class GatewayReplicasTest {
    private static final int TRY_TIMEOUT_MS = 300;
    private static final int DEADLINE_MS = 8_000;
    private final List<GatewayService> gateways = new ArrayList<>();
    private final List<WorkerService> workers = new ArrayList<>();
    private ProxyService proxy;
    private ServerSocket hanging;

    @AfterEach
    void stopEverything() throws IOException {
        if (proxy != null) {
            proxy.stop();
        }
        workers.forEach(WorkerService::stop);
        gateways.forEach(GatewayService::stop);
        if (hanging != null) {
            hanging.close();
        }
    }

    private GatewayService gateway(String name) {
        var gateway = GatewayService.create(TestConfigs.gateway(name, 0, TestConfigs.FAST_CHECKS, DEADLINE_MS - 3_000,
                null), ClusterKey.of(TestConfigs.KEY)).start();
        gateways.add(gateway);
        return gateway;
    }

    private void workers(List<String> gatewayUrls) {
        for (var name : List.of("worker-shop-1", "worker-stock-1")) {
            workers.add(WorkerService.create(TestConfigs.worker(name, name.contains("shop") ? "shop" : "stock",
                    gatewayUrls, null), ClusterKey.of(TestConfigs.KEY)).start());
        }
    }

    private ProxyService proxy(List<String> gatewayUrls) {
        proxy = ProxyService.create(new ProxyConfig("proxy", "127.0.0.1", 0, null, gatewayUrls, gatewayUrls.get(0),
                64 * 1024, DEADLINE_MS - 3_000, TRY_TIMEOUT_MS, List.of("shop/read", "shop/order"), null, null,
                List.of("shop/read"))).start();
        return proxy;
    }

    /** A gateway that hangs, as a paused process does: the kernel takes connections, nothing ever answers. */
    private String hangingGateway() throws IOException {
        hanging = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        return "http://127.0.0.1:" + hanging.getLocalPort();
    }

    private static void awaitHealthyOn(GatewayService gateway, int workers) {
        Await.until(workers + " workers healthy on " + gateway.name(), Duration.ofSeconds(10), () ->
                TestHttp.get(gateway.url() + "/cluster").body().split("\"state\":\"healthy\"", -1).length - 1 == workers);
    }

    private JsonNode proxyHealth() throws IOException {
        return Json.mapper().readTree(TestHttp.get(proxy.url() + "/health").body());
    }

    @Test
    void aWorkerRegistersWithEveryGatewayAndEachChecksIt() {
        var one = gateway("gateway-1");
        var two = gateway("gateway-2");

        workers(List.of(one.url(), two.url()));

        awaitHealthyOn(one, 2);
        awaitHealthyOn(two, 2);
    }

    @Test
    void theProxySpreadsCallsOverBothGatewaysAndACrossSegmentCallGoesThroughEither() throws IOException {
        var one = gateway("gateway-1");
        var two = gateway("gateway-2");
        workers(List.of(one.url(), two.url()));
        awaitHealthyOn(one, 2);
        awaitHealthyOn(two, 2);
        proxy(List.of(one.url(), two.url()));

        for (int i = 0; i < 10; i++) {
            assertThat(TestHttp.post(proxy.url() + "/rpc/shop/read", "{}").statusCode()).isEqualTo(200);
            assertThat(TestHttp.post(proxy.url() + "/rpc/shop/order", "{}").statusCode()).isEqualTo(200);
        }

        var members = proxyHealth().path("gateways");
        assertThat(members).hasSize(2);
        assertThat(members).allSatisfy(m -> assertThat(m.path("calls").asLong()).isEqualTo(10));
        assertThat(members).allSatisfy(m -> assertThat(m.path("up").asBoolean()).isTrue());
    }

    @Test
    void callsToAGatewayThatIsGoneGoToTheOtherAndItLeavesTheRotation() throws IOException {
        var two = gateway("gateway-2");
        String gone;
        try (var socket = new ServerSocket(0)) {
            gone = "http://127.0.0.1:" + socket.getLocalPort();
        }
        workers(List.of(two.url()));
        awaitHealthyOn(two, 2);
        proxy(List.of(gone, two.url()));

        for (int i = 0; i < 10; i++) {
            var answer = TestHttp.post(proxy.url() + "/rpc/shop/order", "{}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        var members = proxyHealth().path("gateways");
        assertThat(members.get(0).path("up").asBoolean()).as("the gone gateway is out").isFalse();
        assertThat(members.get(1).path("up").asBoolean()).isTrue();
    }

    @Test
    void anIdempotentCallThatAHangingGatewayHoldsIsSentToTheOtherAfterTheTryTimeout() throws IOException {
        var two = gateway("gateway-2");
        workers(List.of(two.url()));
        awaitHealthyOn(two, 2);
        proxy(List.of(hangingGateway(), two.url()));

        // The first call of the proxy goes to the first gateway in turn: the hanging one.
        long started = System.nanoTime();
        var answer = TestHttp.post(proxy.url() + "/rpc/shop/read", "{}");
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(tookMs).as("answered by the second try, not at the call's deadline").isLessThan(DEADLINE_MS / 2);
        assertThat(proxyHealth().path("gateways").get(0).path("calls").asLong()).isEqualTo(1);
        assertThat(proxyHealth().path("gateways").get(1).path("calls").asLong()).isEqualTo(1);
    }

    @Test
    void aCallThatIsNotIdempotentIsNeverSentToASecondGatewayOnceTheFirstMayHaveIt() throws IOException {
        var two = gateway("gateway-2");
        workers(List.of(two.url()));
        awaitHealthyOn(two, 2);
        proxy(List.of(hangingGateway(), two.url()));

        var answer = TestHttp.post(proxy.url() + "/rpc/shop/order", "{}");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(504);
        assertThat(proxyHealth().path("gateways").get(1).path("calls").asLong()).isZero();
        assertThat(TestHttp.get(two.url() + "/cluster").body()).doesNotContain("\"served\":1");
    }

    @Test
    void aHangingGatewayLeavesTheRotationOnItsHealthChecksAndCallsStopWaitingForIt() throws IOException {
        var two = gateway("gateway-2");
        workers(List.of(two.url()));
        awaitHealthyOn(two, 2);
        proxy(List.of(hangingGateway(), two.url()));

        Await.until("the hanging gateway is out of rotation", Duration.ofSeconds(10), () -> {
            try {
                return !proxyHealth().path("gateways").get(0).path("up").asBoolean();
            } catch (IOException e) {
                return false;
            }
        });
        for (int i = 0; i < 10; i++) {
            assertThat(TestHttp.post(proxy.url() + "/rpc/shop/order", "{}").statusCode()).isEqualTo(200);
        }

        assertThat(proxyHealth().path("gateways").get(0).path("calls").asLong()).isZero();
    }
}
