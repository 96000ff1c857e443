package io.clusterdeck.service.worker;

import io.clusterdeck.bundle.BundleException;
import io.clusterdeck.bundle.Sha256;
import io.clusterdeck.design.Bundle;
import io.clusterdeck.http.HttpServer;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.service.FakeClock;
import io.clusterdeck.service.repository.RepositoryRoutes;
import io.clusterdeck.service.repository.RepositoryService;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A worker fetching its bundles from a repository over real HTTP; waits move a fake clock instead of sleeping. */
class BundleFetchTest {
    @TempDir
    static Path folder;
    static Path jar;
    static String sha256;

    private static final ClusterKey KEY = ClusterKey.of("bundle-test-key");
    private final FakeClock clock = new FakeClock();
    private final List<Long> waits = new ArrayList<>();
    private final IoEngine engine = IoEngine.create("worker-test", 1, 1);
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void buildTheBundle() throws IOException {
        jar = CalcBundle.jar(folder);
        sha256 = Sha256.of(jar);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (var closeable : open) {
            closeable.close();
        }
        engine.close();
    }

    private BundleFetch fetchFrom(String url, Duration patience) {
        return new BundleFetch(url, engine.client(), new ClusterTokens("worker-test", KEY, io.clusterdeck.time.Clock.SYSTEM), clock, millis -> {
            waits.add(millis);
            clock.advance(Duration.ofMillis(millis));
        }, patience);
    }

    private String serve(HttpHandler handler) {
        var server = HttpServer.start(engine, "127.0.0.1", 0, handler);
        open.add(server::stop);
        return server.url();
    }

    @Test
    void bundleFromTheRepositoryIsLoadedFromATemporaryCopy() throws Exception {
        var repository = RepositoryService.create(new RepositoryConfig("repository", "127.0.0.1", 0, null, null,
                List.of(new Bundle("calc", jar.toString(), sha256))), KEY).start();
        open.add(repository::stop);

        var bundles = fetchFrom(repository.url(), Duration.ofSeconds(5)).fetch(List.of("calc"));
        var loaded = bundles.loaded().get("calc");

        assertThat(loaded.sha256()).isEqualTo(sha256);
        assertThat(loaded.jar()).isNotEqualTo(jar).exists();
        assertThat(loaded.invoker("calc/add")).isPresent();
        bundles.close();
        assertThat(loaded.jar()).doesNotExist();
        assertThat(waits).isEmpty();
    }

    @Test
    void repositoryThatIsStillStartingIsAskedAgainWithBackoff() throws Exception {
        var attempts = new AtomicInteger();
        var bytes = Files.readAllBytes(jar);
        var url = serve(exchange -> {
            if (attempts.incrementAndGet() <= 3) {
                exchange.setStatusCode(503);
                exchange.endExchange();
                return;
            }
            exchange.getResponseHeaders().put(ClusterHeaders.SHA256, sha256);
            exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
        });

        try (var bundles = fetchFrom(url, Duration.ofSeconds(5)).fetch(List.of("calc"))) {
            assertThat(bundles.loaded()).containsOnlyKeys("calc");
        }
        assertThat(waits).containsExactly(100L, 100L, 100L);
    }

    @Test
    void unreachableRepositoryIsGivenUpAfterThePatience() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var url = "http://127.0.0.1:" + closed;

        assertThatThrownBy(() -> fetchFrom(url, Duration.ofSeconds(2)).fetch(List.of("calc")))
                .isInstanceOf(BundleException.class)
                .hasMessageStartingWith("bundle 'calc': gave up fetching " + url + "/bundles/calc.jar after 2 s:"
                        + " connection refused");
        assertThat(waits).as("a try every 100 ms for 2 s").hasSize(20).containsOnly(100L);
    }

    @Test
    void bundleAlteredOnTheWayIsRefused() {
        var url = serve(exchange -> {
            exchange.getResponseHeaders().put(ClusterHeaders.SHA256, sha256);
            exchange.getResponseSender().send("not the jar");
        });

        assertThatThrownBy(() -> fetchFrom(url, Duration.ofSeconds(5)).fetch(List.of("calc")))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'calc' from " + url + "/bundles/calc.jar: SHA-256 mismatch: the repository"
                        + " announced " + sha256 + ", the bytes received have " + Sha256.of("not the jar".getBytes()));
    }

    @Test
    void bundleTheRepositoryDoesNotHaveIsRefusedAtOnce() {
        var repository = RepositoryService.create(new RepositoryConfig("repository", "127.0.0.1", 0, null, null,
                List.of()), KEY).start();
        open.add(repository::stop);

        assertThatThrownBy(() -> fetchFrom(repository.url(), Duration.ofSeconds(5)).fetch(List.of("calc")))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'calc': the repository at " + repository.url() + " answered 404 for "
                        + repository.url() + "/bundles/calc.jar");
        assertThat(waits).isEmpty();
    }
}
