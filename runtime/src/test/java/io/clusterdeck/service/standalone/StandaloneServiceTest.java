package io.clusterdeck.service.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Function;
import io.clusterdeck.plan.StandaloneConfig;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandaloneServiceTest {
    private StandaloneService standalone;

    @BeforeEach
    void start() {
        var functions = new ArrayList<Function>(TestConfigs.SHOP);
        functions.addAll(TestConfigs.STOCK);
        standalone = StandaloneService.create(new StandaloneConfig("standalone", "127.0.0.1", 0, null, null, List.of(),
                64 * 1024, functions), ClusterKey.of(TestConfigs.KEY)).start();
    }

    @AfterEach
    void stop() {
        standalone.stop();
    }

    @Test
    void everyCallBetweenFunctionsIsInProcess() {
        var response = TestHttp.post(standalone.url() + "/rpc/shop/order", "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Clusterdeck-Worker")).contains("standalone");
    }

    @Test
    void appliesAccessRulesItself() {
        assertThat(TestHttp.post(standalone.url() + "/rpc/stock/reserve", "{}").statusCode()).isEqualTo(403);
        assertThat(TestHttp.post(standalone.url() + "/rpc/shop/admin", "{}").statusCode()).isEqualTo(401);
        assertThat(TestHttp.post(standalone.url() + "/rpc/shop/admin", "{}", "Authorization", TestHttp.token(null))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void answersHealthAndMetrics() {
        assertThat(TestHttp.get(standalone.url() + "/health").body()).contains("\"status\":\"UP\"");
        assertThat(TestHttp.get(standalone.url() + "/metrics").statusCode()).isEqualTo(200);
    }
}
