package io.clusterdeck.service.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import io.clusterdeck.service.repository.RepositoryService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyServiceTest {
    @TempDir
    Path folder;
    private InProcessCluster cluster;
    private RepositoryService repository;
    private ProxyService proxy;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(folder.resolve("app.js"), "console.log('shop')");
        cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 3_000, 1, 1);
        Files.write(folder.resolve("examples.jar"), new byte[] {'P', 'K', 3, 4});
        repository = RepositoryService.create(new RepositoryConfig("repository", "127.0.0.1", 0, null, folder.toString(),
                List.of(new io.clusterdeck.design.Bundle("examples", folder.resolve("examples.jar").toString(), null))),
                ClusterKey.of(TestConfigs.KEY)).start();
        proxy = ProxyService.create(new ProxyConfig("proxy", "127.0.0.1", 0, null, cluster.gateway.url(), repository.url(),
                64 * 1024, 3_000, List.of("shop/read", "shop/order"))).start();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop();
        }
        if (repository != null) {
            repository.stop();
        }
        cluster.close();
    }

    @Test
    void publicFunctionGoesToTheGatewayAndNamesItsWorker() {
        var response = TestHttp.post(proxy.url() + "/rpc/shop/order", "{}", "X-Request-Id", "r-1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Clusterdeck-Worker")).contains("worker-shop-1");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("r-1");
    }

    @Test
    void otherFunctionsDoNotExistFromOutsideEvenWithAToken() {
        var response = TestHttp.post(proxy.url() + "/rpc/shop/admin", "{}", "Authorization", TestHttp.token(null));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"code\":\"unknown_function\"");
    }

    @Test
    void everythingElseComesFromTheRepository() {
        var response = TestHttp.get(proxy.url() + "/app.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("console.log('shop')");
    }

    @Test
    void bundlesAreNeverForwardedEvenWithAToken() {
        for (var path : List.of("/bundles", "/bundles/examples.jar")) {
            var response = TestHttp.get(proxy.url() + path, "Authorization", TestHttp.token(null));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("X-Clusterdeck-Worker")).as(path).contains("proxy");
        }
    }

    @Test
    void oversizedBodyIsRefusedAtTheDoor() {
        var response = TestHttp.post(proxy.url() + "/rpc/shop/read", "{\"x\":\"" + "x".repeat(70 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
    }
}
