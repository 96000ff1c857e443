package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Latency;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The waits a simulated cluster adds: the gateway's hop latency and a worker's demo latency (lower bounds only). */
class SimulationTest {
    private static final int HOP_MS = 150;
    private static InProcessCluster cluster;

    @BeforeAll
    static void startCluster() {
        var plain = TestConfigs.gateway(0, TestConfigs.FAST_CHECKS, 10_000, null);
        var withHops = new GatewayConfig(plain.name(), plain.host(), 0, null, plain.healthCheck(), plain.requestTimeoutMs(),
                plain.retries(), plain.maxBodyBytes(), plain.segments(), plain.functions(), Latency.fixed(HOP_MS));
        cluster = InProcessCluster.start(withHops, 1, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static long millisOf(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void gatewayAddsHopLatencyToEveryHopItForwards() {
        long oneHop = millisOf(() -> assertThat(TestHttp.post(cluster.rpc("shop/read"), "{}").statusCode()).isEqualTo(200));
        long twoHops = millisOf(() -> assertThat(TestHttp.post(cluster.rpc("shop/order"), "{}").statusCode()).isEqualTo(200));

        assertThat(oneHop).isGreaterThanOrEqualTo(HOP_MS);
        assertThat(twoHops).isGreaterThanOrEqualTo(2 * HOP_MS);
    }

    @Test
    void addedLatencyDelaysEveryCallOfTheWorker() {
        var admin = cluster.workers.get(1).url() + "/admin/latency";
        try {
            assertThat(TestHttp.post(admin, "{\"addedMs\":400}", "Authorization", TestHttp.token(null)).statusCode()).isEqualTo(200);

            long delayed = millisOf(() -> TestHttp.post(cluster.rpc("stock/count"), "{}"));

            assertThat(delayed).isGreaterThanOrEqualTo(400 + HOP_MS);
        } finally {
            TestHttp.post(admin, "{\"addedMs\":0}", "Authorization", TestHttp.token(null));
        }
    }

    @Test
    void addedLatencyMustBeWithinBounds() {
        var response = TestHttp.post(cluster.workers.get(1).url() + "/admin/latency", "{\"addedMs\":-5}",
                "Authorization", TestHttp.token(null));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("expected {\\\"addedMs\\\": n} with 0 <= n <= 60000");
    }
}
