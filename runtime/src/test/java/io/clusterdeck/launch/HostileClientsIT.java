package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.PortSettings;
import io.clusterdeck.design.RepositorySettings;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.service.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A launched cluster under what an attacker without a token can send: many near-limit bodies at once, and large
 * downloads. Nothing may exit or be replaced, memory stays bounded, and a normal call works right after.
 */
@Timeout(300)
class HostileClientsIT {
    private static final int NEAR_LIMIT = 1_000_000;
    private static final int BIG_ASSET = 25 * 1024 * 1024;
    private static final int MEDIUM_ASSET = 8 * 1024 * 1024;

    @TempDir
    static Path folder;
    private static LocalCluster cluster;
    private static Map<String, Long> pidsAtStart;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void launch() throws IOException {
        var assets = Files.createDirectories(folder.resolve("assets"));
        var random = new Random(7);
        for (var asset : Map.of("big.bin", BIG_ASSET, "medium.bin", MEDIUM_ASSET).entrySet()) {
            var bytes = new byte[asset.getValue()];
            random.nextBytes(bytes);
            Files.write(assets.resolve(asset.getKey()), bytes);
        }
        var search = Function.simulated("shop/search", Access.PUBLIC, new Simulation(0.2, null, null, 128)).withIdempotent(true);
        var design = Design.named("hostile").withFunctions(List.of(search))
                .withSegments(List.of(Segment.named("shop").withFunctions(List.of("shop/search")).withWorkers(WorkerCount.of(2))))
                .withRepository(new RepositorySettings("assets"))
                .withPorts(new PortSettings(30_000 + (int) (ProcessHandle.current().pid() % 20_000)));
        var file = TestDesigns.write(design, folder);
        cluster = LocalCluster.start(design, file, TestDesigns.options(folder.resolve("home")));
        pidsAtStart = pids();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String url(String process) {
        return cluster.plan().process(process).orElseThrow().url();
    }

    private static Map<String, Long> pids() {
        return cluster.processes().stream().collect(Collectors.toMap(ProcessStatus::name, ProcessStatus::pid));
    }

    /**
     * No process exited or was replaced, and a normal call is served again. A gateway flooded on a slow machine may
     * see its health checks time out and take the workers out of rotation for a moment ({@code no_worker}); they are
     * back by the next check, so a normal call must succeed within a few check intervals, never fail otherwise.
     */
    private static void assertNothingExitedOrWasReplaced() {
        assertThat(pids()).isEqualTo(pidsAtStart);
        assertThat(cluster.processes()).allSatisfy(p -> assertThat(p.restarts()).as(p.name()).isZero());
        Await.until("a normal call through the proxy is served", Duration.ofSeconds(10), () -> {
            var answer = Calls.call(url("proxy"), "shop/search");
            assertThat(answer.status()).as(answer.body()).isIn(200, 503);
            assertThat(answer.status() == 200 || answer.body().contains("no_worker")).as(answer.body()).isTrue();
            return answer.status() == 200;
        });
        assertThat(pids()).isEqualTo(pidsAtStart);
    }

    /** 180 calls at once, each with a body just under the 1 MiB limit, and no token. */
    private static List<Integer> flood(String base) {
        var body = "{\"q\":\"" + "x".repeat(NEAR_LIMIT - 10) + "\"}";
        var request = HttpRequest.newBuilder(URI.create(base + "/rpc/shop/search")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var calls = new ArrayList<CompletableFuture<Integer>>();
        for (int i = 0; i < 180; i++) {
            calls.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                    .exceptionally(failure -> -1));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void proxyHoldsAgainst180NearLimitBodiesAtOnce() {
        var statuses = flood(url("proxy"));

        assertThat(statuses).as("each call is served or refused as busy").allMatch(s -> s == 200 || s == 503);
        assertThat(statuses).contains(200);
        assertNothingExitedOrWasReplaced();
    }

    @Test
    void gatewayHoldsAgainst180NearLimitBodiesAtOnce() {
        var statuses = flood(url("gateway"));

        assertThat(statuses).as("each call is served or refused as busy").allMatch(s -> s == 200 || s == 503);
        assertThat(statuses).contains(200);
        assertNothingExitedOrWasReplaced();
    }

    @Test
    void largeAssetStreamsThroughTheProxyWithItsMemoryFlat() throws Exception {
        long proxyPid = cluster.process("proxy").pid();
        var before = residentKb(proxyPid);

        var digest = download(url("proxy") + "/big.bin");

        long grewKb = residentKb(proxyPid) - before;
        assertThat(digest).isEqualTo(sha256(folder.resolve("assets").resolve("big.bin")));
        assertThat(grewKb).as("KB the proxy grew while passing on %d MB", BIG_ASSET >> 20).isLessThan(12 * 1024);
        assertNothingExitedOrWasReplaced();
    }

    @Test
    void sixParallelDownloadsOfAMediumAssetAllArriveWhole() throws Exception {
        var expected = sha256(folder.resolve("assets").resolve("medium.bin"));
        var downloads = new ArrayList<CompletableFuture<String>>();
        for (int i = 0; i < 6; i++) {
            downloads.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return download(url("proxy") + "/medium.bin");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, Executors.newSingleThreadExecutor()));
        }

        assertThat(downloads.stream().map(CompletableFuture::join)).containsOnly(expected);
        assertNothingExitedOrWasReplaced();
    }

    /** Reads a download slowly enough that the proxy must wait for its client, and returns the body's SHA-256. */
    private static String download(String url) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build();
        var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        var digest = MessageDigest.getInstance("SHA-256");
        try (InputStream body = response.body()) {
            var buffer = new byte[64 * 1024];
            int read;
            long total = 0;
            while ((read = body.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                total += read;
                if (total % (4 * 1024 * 1024) < read) {
                    Thread.sleep(20);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static long residentKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElseThrow();
    }
}
