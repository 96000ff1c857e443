package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.service.Await;
import io.clusterdeck.service.Load;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestConfigs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class GatewayRestartIT {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayRestartIT.class);
    private final ServiceProcesses processes = new ServiceProcesses();

    @AfterEach
    void killEverything() {
        processes.close();
    }

    @Test
    void workersRegisterAgainWithARestartedGatewayAndCallsSucceedAgain() {
        var config = TestConfigs.gateway(0, TestConfigs.FAST_CHECKS, 2_000, processes.keyFile());
        var gateway = processes.start(config);
        for (int i = 1; i <= 2; i++) {
            processes.start(TestConfigs.worker("worker-shop-" + i, "shop", gateway.url(), processes.keyFile()));
        }
        var url = gateway.url() + "/rpc/shop/read";
        try (var load = new Load(url, 3, Duration.ofMillis(5))) {
            Await.until("calls succeed", Duration.ofSeconds(20),
                    () -> load.outcomes().stream().anyMatch(o -> o.status() == 200));
            gateway.kill();
            Load.sleep(Duration.ofMillis(500));

            var restarted = processes.start(config, "--port", Integer.toString(gateway.port()));
            var readyAt = Instant.now();
            long recovered = Await.until("calls succeed through the restarted gateway", Duration.ofSeconds(10), () ->
                    load.since(readyAt).stream().anyMatch(o -> o.status() == 200));
            LOG.info("gateway restarted: calls succeed again {} ms after it was ready", recovered);
            Load.sleep(Duration.ofMillis(1_000));
            var settled = Instant.now();
            Load.sleep(Duration.ofMillis(1_500));
            load.stop();

            assertThat(restarted.url()).isEqualTo(gateway.url());
            assertThat(load.since(settled)).isNotEmpty().allSatisfy(o -> assertThat(o.status()).isEqualTo(200));
        }
    }
}
