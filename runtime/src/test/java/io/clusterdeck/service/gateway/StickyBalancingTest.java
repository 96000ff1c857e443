package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Balancing;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.SegmentRoute;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StickyBalancingTest {
    private static InProcessCluster cluster;

    @BeforeAll
    static void startCluster() {
        var plain = TestConfigs.gateway(0, TestConfigs.FAST_CHECKS, 3_000, null);
        var shop = plain.segments().get(0);
        var sticky = new GatewayConfig(plain.name(), plain.host(), 0, null, plain.healthCheck(), plain.requestTimeoutMs(),
                plain.retries(), plain.maxBodyBytes(),
                List.of(new SegmentRoute(shop.name(), Balancing.STICKY, shop.functions(), 3), plain.segments().get(1)),
                plain.functions(), null);
        cluster = InProcessCluster.start(sticky, 3, 0);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String servedBy(String... headers) {
        return TestHttp.post(cluster.rpc("shop/read"), "{}", headers).headers().firstValue("X-Clusterdeck-Worker").orElseThrow();
    }

    @Test
    void callsWithTheSameAffinityHeaderGoToTheSameWorker() {
        var workers = IntStream.range(0, 8).mapToObj(i -> servedBy("X-Clusterdeck-Affinity", "shopper-1")).distinct().toList();

        assertThat(workers).hasSize(1);
    }

    @Test
    void callerWithoutAffinityGetsACookieThatKeepsItOnOneWorker() {
        var first = TestHttp.post(cluster.rpc("shop/read"), "{}");
        var cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        var workers = IntStream.range(0, 8).mapToObj(i -> servedBy("Cookie", cookie)).distinct().toList();

        assertThat(cookie).startsWith("clusterdeck-affinity=");
        assertThat(workers).hasSize(1);
    }
}
