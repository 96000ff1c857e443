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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker registers again when told to, as the launcher tells it right after it restarted the gateway. */
class RegisterAgainTest {
    private GatewayService gateway;
    private WorkerService worker;

    @AfterEach
    void stopEverything() {
        if (worker != null) {
            worker.stop();
        }
        if (gateway != null) {
            gateway.stop();
        }
    }


    private GatewayService startGateway(int port) {
        return GatewayService.create(TestConfigs.gateway(port, TestConfigs.FAST_CHECKS, 3_000, null),
                ClusterKey.of(TestConfigs.KEY)).start();
    }

    private boolean known(GatewayService by) {
        return TestHttp.get(by.url() + "/cluster").body().contains("\"worker-shop-1\"");
    }

    @Test
    void aWorkerToldToRegisterAgainJoinsARestartedGateway() throws IOException {
        int port = FreePorts.onLoopback();
        gateway = startGateway(port);
        worker = WorkerService.create(TestConfigs.worker("worker-shop-1", "shop", gateway.url(), null),
                ClusterKey.of(TestConfigs.KEY)).start();
        Await.until("the worker known", Duration.ofSeconds(10), () -> known(gateway));
        gateway.stop();
        gateway = startGateway(port);

        var told = TestHttp.post(worker.url() + "/admin/register", "{}", "Authorization", TestHttp.token(null));

        assertThat(told.statusCode()).as(told.body()).isEqualTo(202);
        assertThat(told.body()).contains("\"registering\":true");
        Await.until("the worker known to the restarted gateway", Duration.ofSeconds(10), () -> known(gateway));
    }

    @Test
    void onlyMembersMayTellAWorkerToRegisterAgain() throws IOException {
        gateway = startGateway(FreePorts.onLoopback());
        worker = WorkerService.create(TestConfigs.worker("worker-shop-1", "shop", gateway.url(), null),
                ClusterKey.of(TestConfigs.KEY)).start();

        var told = TestHttp.post(worker.url() + "/admin/register", "{}");

        assertThat(told.statusCode()).isEqualTo(401);
    }
}
