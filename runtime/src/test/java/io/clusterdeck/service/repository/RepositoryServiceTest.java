package io.clusterdeck.service.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.RawHttp;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryServiceTest {
    @TempDir
    Path folder;
    private RepositoryService repository;

    @BeforeEach
    void start() throws Exception {
        var assets = Files.createDirectories(folder.resolve("assets"));
        Files.writeString(assets.resolve("index.html"), "<h1>shop</h1>");
        Files.writeString(folder.resolve("secret.txt"), "not for the web");
        Files.write(folder.resolve("examples.jar"), new byte[] {'P', 'K', 3, 4});
        repository = RepositoryService.create(new RepositoryConfig("repository", "127.0.0.1", 0, null,
                assets.toString(), List.of(new Bundle("examples", folder.resolve("examples.jar").toString(), null))),
                ClusterKey.of(TestConfigs.KEY)).start();
    }

    @AfterEach
    void stop() {
        repository.stop();
    }

    @Test
    void servesBundleWithItsDigestToMembers() {
        var response = TestHttp.get(repository.url() + "/bundles/examples.jar", "Authorization", TestHttp.token(null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Clusterdeck-Sha256"))
                .contains(RepositoryRoutes.sha256(new byte[] {'P', 'K', 3, 4}));
    }

    @Test
    void listsBundlesToMembers() {
        assertThat(TestHttp.get(repository.url() + "/bundles", "Authorization", TestHttp.token(null)).body())
                .contains("\"name\":\"examples\"", "\"url\":\"/bundles/examples.jar\"");
    }

    @Test
    void bundlesAreRefusedToAnyoneWithoutAClusterToken() {
        for (var path : List.of("/bundles", "/bundles/examples.jar")) {
            var response = TestHttp.get(repository.url() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).doesNotContain("PK");
        }
    }

    @Test
    void servesAssetsFromItsFolder() {
        assertThat(TestHttp.get(repository.url() + "/").body()).isEqualTo("<h1>shop</h1>");
        assertThat(TestHttp.get(repository.url() + "/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesPathsOutOfItsFolder() {
        for (var path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/../../secret.txt")) {
            var answer = RawHttp.exchange(repository.url(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(answer).as(path).doesNotContain("not for the web");
            assertThat(RawHttp.status(answer)).as(path).isIn(400, 404);
        }
        assertThat(TestHttp.get(repository.url() + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownBundleIs404() {
        assertThat(TestHttp.get(repository.url() + "/bundles/other.jar", "Authorization", TestHttp.token(null)).statusCode())
                .isEqualTo(404);
    }
}
