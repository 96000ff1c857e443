package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.http.Json;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.PrometheusText;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class GatewayServiceTest {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServiceTest.class);
    private static InProcessCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 3_000, 3, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void callIsServedByAWorkerOfItsSegmentAndNamesIt() {
        var response = TestHttp.post(cluster.rpc("shop/read"), "{\"id\":1}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Clusterdeck-Worker")).hasValueSatisfying(
                worker -> assertThat(worker).startsWith("worker-shop-"));
        assertThat(response.body()).contains("\"function\":\"shop/read\"");
    }

    @Test
    void requestIdIsKeptWhenGivenAndMadeWhenAbsent() {
        var given = TestHttp.post(cluster.rpc("shop/read"), "{}", "X-Request-Id", "order-42");
        var made = TestHttp.post(cluster.rpc("shop/read"), "{}");

        assertThat(given.headers().firstValue("X-Request-Id")).contains("order-42");
        assertThat(made.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    @Test
    void roundRobinSpreadsCallsOverEveryWorker() {
        var servedBy = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            servedBy.add(TestHttp.post(cluster.rpc("shop/read"), "{}").headers().firstValue("X-Clusterdeck-Worker").orElseThrow());
        }

        assertThat(servedBy).containsOnly("worker-shop-1", "worker-shop-2", "worker-shop-3");
        assertThat(servedBy.stream().distinct()).hasSize(3);
    }

    @Test
    void functionCallsPrivateFunctionOfItsOwnSegmentInProcess() {
        var response = TestHttp.post(cluster.rpc("shop/page"), "{}");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void functionCallsPrivateFunctionOfAnotherSegmentThroughTheGateway() {
        var response = TestHttp.post(cluster.rpc("shop/order"), "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void protectedFunctionServesMembersWithAToken() {
        var response = TestHttp.post(cluster.rpc("shop/admin"), "{}", "Authorization", TestHttp.token(null));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void clusterShowsEveryWorkerAndTheRoutingTable() throws Exception {
        var cluster = Json.mapper().readTree(TestHttp.get(GatewayServiceTest.cluster.gateway.url() + "/cluster").body());

        var names = new ArrayList<String>();
        cluster.path("workers").forEach(w -> names.add(w.path("name").asText()));
        assertThat(names).containsExactly("worker-shop-1", "worker-shop-2", "worker-shop-3", "worker-stock-1");
        var first = cluster.path("workers").get(0);
        for (var field : List.of("segment", "url", "pid", "state", "since", "inFlight", "served", "errors", "latencyMs")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(cluster.path("routes").get(0).path("segment").asText()).isEqualTo("shop");
        assertThat(cluster.path("routes").get(0).path("workers")).hasSize(3);
    }

    @Test
    void metricsOfGatewayAndWorkerParseAsPrometheusText() {
        TestHttp.post(cluster.rpc("shop/read"), "{}");

        var gateway = PrometheusText.samples(TestHttp.get(cluster.gateway.url() + "/metrics").body());
        var worker = PrometheusText.samples(TestHttp.get(cluster.workers.get(0).url() + "/metrics").body());

        assertThat(gateway).anyMatch(line -> line.startsWith("clusterdeck_calls_total{")
                && line.contains("function=\"shop/read\"") && line.contains("worker=\"worker-shop-"));
        assertThat(worker).anyMatch(line -> line.startsWith("clusterdeck_call_seconds_count{"));
    }

    @Test
    void workerFlippedUnhealthyLeavesRotationAndReturnsWhenFlippedBack() {
        var worker = cluster.workers.get(1);
        var admin = worker.url() + "/admin/health";
        try {
            assertThat(TestHttp.post(admin, "{\"healthy\":false}", "Authorization", TestHttp.token(null)).statusCode()).isEqualTo(200);
            long leftMs = Await.until(worker.name() + " leaves rotation", Duration.ofSeconds(10),
                    () -> !inRotation(worker.name()));
            LOG.info("flipped unhealthy: out of rotation after {} ms (interval x threshold = 400 ms)", leftMs);
            for (int i = 0; i < 9; i++) {
                assertThat(TestHttp.post(cluster.rpc("shop/read"), "{}").headers().firstValue("X-Clusterdeck-Worker")
                        .orElseThrow()).isNotEqualTo(worker.name());
            }
        } finally {
            TestHttp.post(admin, "{\"healthy\":true}", "Authorization", TestHttp.token(null));
        }
        long backMs = Await.until(worker.name() + " returns to rotation", Duration.ofSeconds(10), () -> inRotation(worker.name()));
        LOG.info("flipped back: in rotation again after {} ms", backMs);
    }

    @Test
    void adminEndpointsNeedTheClusterKey() {
        var response = TestHttp.post(cluster.workers.get(0).url() + "/admin/latency", "{\"addedMs\":100}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void workerHealthReportsItsLoad() throws Exception {
        var health = Json.mapper().readTree(TestHttp.get(cluster.workers.get(0).url() + "/health").body());

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("name").asText()).isEqualTo("worker-shop-1");
        assertThat(health.path("segment").asText()).isEqualTo("shop");
        assertThat(health.has("inFlight")).isTrue();
        assertThat(health.has("served")).isTrue();
    }

    @Test
    void registrationNeedsTheClusterKey() {
        var response = TestHttp.post(cluster.gateway.url() + "/workers", "{\"name\":\"intruder\",\"segment\":\"shop\",\"url\":\"http://127.0.0.1:1\"}");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void registrationForAnUnknownSegmentIsRefused() {
        var response = TestHttp.post(cluster.gateway.url() + "/workers",
                "{\"name\":\"w\",\"segment\":\"nowhere\",\"url\":\"http://127.0.0.1:1\"}", "Authorization", TestHttp.token(null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("this gateway routes no segment 'nowhere'");
    }

    private static boolean inRotation(String worker) {
        try {
            var view = Json.mapper().readTree(TestHttp.get(cluster.gateway.url() + "/cluster").body());
            for (var route : view.path("routes")) {
                for (var name : route.path("workers")) {
                    if (name.asText().equals(worker)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
