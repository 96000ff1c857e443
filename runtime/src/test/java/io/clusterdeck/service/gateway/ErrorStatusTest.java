package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.service.FakeClock;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.RawHttp;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error status with a malformed or hostile request; after each one the gateway still serves calls. */
class ErrorStatusTest {
    private static InProcessCluster cluster;

    @BeforeAll
    static void startCluster() {
        // An 800 ms timeout against shop/slow's 1500 ms; no worker for segment stock.
        cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 800, 2, 0);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void gatewayStillServes() {
        assertThat(TestHttp.get(cluster.gateway.url() + "/health").statusCode()).isEqualTo(200);
        assertThat(TestHttp.post(cluster.rpc("shop/read"), "{}").statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).startsWith("{\"error\":{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"");
    }

    @Test
    void malformedJsonIs400() {
        assertError(TestHttp.post(cluster.rpc("shop/read"), "{\"id\": "), 400, "bad_request");
    }

    @Test
    void argumentsThatAreNotAnObjectAre400() {
        assertError(TestHttp.post(cluster.rpc("shop/read"), "[\"id\", 1]"), 400, "bad_request");
    }

    @Test
    void bytesThatAreNotUtf8Are400() {
        var answer = RawHttp.exchange(cluster.gateway.url(), "POST /rpc/shop/read HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 4\r\n\r\n\u00ff\u00fe\u00fd\u00fc");
        assertThat(RawHttp.status(answer)).isEqualTo(400);
    }

    @Test
    void garbageRequestLineIs400() {
        var answer = RawHttp.exchange(cluster.gateway.url(), "\u0001\u0002GARBAGE \u0000\r\n\r\n");
        assertThat(RawHttp.status(answer)).isIn(400, -1);
    }

    @Test
    void protectedFunctionWithoutTokenIs401() {
        assertError(TestHttp.post(cluster.rpc("shop/admin"), "{}"), 401, "unauthorized");
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        var forged = "Bearer " + new ClusterTokens("intruder", ClusterKey.of("guessed"), io.clusterdeck.time.Clock.SYSTEM)
                .mint(null, Duration.ofMinutes(1));
        assertError(TestHttp.post(cluster.rpc("shop/admin"), "{}", "Authorization", forged), 401, "unauthorized");
    }

    @Test
    void expiredTokenIs401() {
        var old = "Bearer " + new ClusterTokens("old", ClusterKey.of(TestConfigs.KEY), new FakeClock()).mint(null, Duration.ofMinutes(1));
        assertError(TestHttp.post(cluster.rpc("shop/admin"), "{}", "Authorization", old), 401, "unauthorized");
    }

    @Test
    void privateFunctionFromOutsideIs403() {
        assertError(TestHttp.post(cluster.rpc("shop/price"), "{}"), 403, "forbidden");
        assertError(TestHttp.post(cluster.rpc("shop/price"), "{}", "Authorization", TestHttp.token(null)), 403, "forbidden");
    }

    @Test
    void privateFunctionCalledOnBehalfOfAFunctionThatDoesNotCallItIs403() {
        var answer = TestHttp.post(cluster.rpc("stock/reserve"), "{}", "Authorization", TestHttp.token("shop/read"));

        assertError(answer, 403, "forbidden");
        assertThat(answer.body()).contains("'stock/reserve' is private and 'shop/read' does not call it in the design");
    }

    @Test
    void unknownFunctionIs404() {
        assertError(TestHttp.post(cluster.rpc("shop/nothing"), "{}"), 404, "unknown_function");
    }

    @Test
    void pathTraversalIsAnUnknownFunction() {
        var answer = RawHttp.exchange(cluster.gateway.url(), "POST /rpc/../../etc/passwd HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        assertThat(RawHttp.status(answer)).isEqualTo(404);
    }

    @Test
    void hugeFunctionNameIs404() {
        assertError(TestHttp.post(cluster.rpc("shop/" + "a".repeat(5_000)), "{}"), 404, "unknown_function");
    }

    @Test
    void unknownPathIs404() {
        assertError(TestHttp.get(cluster.gateway.url() + "/etc/passwd"), 404, "not_found");
    }

    @Test
    void bodyOverTheLimitIs413() {
        var big = "{\"blob\":\"" + "x".repeat(100 * 1024) + "\"}";
        assertError(TestHttp.post(cluster.rpc("shop/read"), big), 413, "body_too_large");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        var request = new StringBuilder("POST /rpc/shop/read HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        var chunk = "y".repeat(16 * 1024);
        for (int i = 0; i < 6; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        var answer = RawHttp.exchange(cluster.gateway.url(), request.toString());
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(413);
    }

    @Test
    void transferEncodingThatDoesNotEndInChunkedIs400AndClosesTheConnection() {
        var answer = RawHttp.exchange(cluster.gateway.url(), "POST /rpc/shop/read HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: gzip\r\n\r\nabc");
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(400);
        assertThat(answer).contains("Connection: close", "Transfer-Encoding must end with chunked");
    }

    @Test
    void malformedChunkSizeEndsTheConnectionAtOnce() {
        long started = System.nanoTime();
        var answer = RawHttp.exchange(cluster.gateway.url(), "POST /rpc/shop/read HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        // Undertow closes a connection whose chunked framing is broken before any handler can answer on it.
        assertThat(RawHttp.status(answer)).as(answer).isIn(400, -1);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the connection ended").isLessThan(2_500);
    }

    @Test
    void headOfHealthAndMetricsIsAnsweredLikeGet() {
        assertThat(TestHttp.send("HEAD", cluster.gateway.url() + "/health", null).statusCode()).isEqualTo(200);
        assertThat(TestHttp.send("HEAD", cluster.gateway.url() + "/metrics", null).statusCode()).isEqualTo(200);
        assertThat(TestHttp.send("HEAD", cluster.workers.get(0).url() + "/health", null).statusCode()).isEqualTo(200);
        assertThat(TestHttp.send("HEAD", cluster.workers.get(0).url() + "/metrics", null).statusCode()).isEqualTo(200);
    }

    @Test
    void segmentWithoutHealthyWorkerIs503() {
        assertError(TestHttp.post(cluster.rpc("stock/count"), "{}"), 503, "no_worker");
    }

    @Test
    void callPastTheTimeoutIs504() {
        var started = System.nanoTime();
        var response = TestHttp.post(cluster.rpc("shop/slow"), "{}");

        assertError(response, 504, "timed_out");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
}
