package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ScriptedServer;
import io.clusterdeck.protocol.ClusterState;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker that has just registered answers its first health check from a JVM that has just started: slowly. The
 * gateway waits for that answer longer than for a worker already in rotation, so the worker joins on it.
 */
class StartingWorkerCheckTest {
    /** Checks every 500 ms, 100 ms for an answer: a starting worker's first check may take two intervals. */
    private static final HealthCheck QUICK_TIMEOUT = new HealthCheck(500, 100, 2, 1);
    private static final long FIRST_ANSWER_LATE_MS = 400;

    private final GatewayService gateway = GatewayService.create(
            TestConfigs.gateway(0, QUICK_TIMEOUT, 3_000, null), ClusterKey.of(TestConfigs.KEY)).start();

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void aWorkerWhoseFirstHealthAnswerComesLaterThanTheTimeoutJoinsTheRotationOnThatAnswer() throws Exception {
        var checks = new AtomicInteger();
        // Only the first, late answer says UP: a gateway that gave up on it would never see the worker up.
        try (var worker = new ScriptedServer((request, socket, out) -> {
            if (checks.incrementAndGet() == 1) {
                long late = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_ANSWER_LATE_MS);
                while (System.nanoTime() < late) {
                    LockSupport.parkNanos(late - System.nanoTime());
                }
                ScriptedServer.respond(out, 200, "{\"status\":\"UP\",\"name\":\"slow-starter\"}");
            } else {
                ScriptedServer.respond(out, 503, "{\"status\":\"DOWN\",\"name\":\"slow-starter\"}");
            }
        })) {
            var registered = TestHttp.post(gateway.url() + "/workers", "{\"name\":\"slow-starter\",\"segment\":\"shop\","
                    + "\"url\":\"" + worker.url() + "\",\"pid\":1}", "Authorization", TestHttp.token(null));
            assertThat(registered.statusCode()).isEqualTo(201);

            Await.until("the slow starter is healthy", Duration.ofSeconds(10), () -> healthy("slow-starter"));
        }
    }

    private boolean healthy(String worker) {
        try {
            var cluster = Json.mapper().readValue(TestHttp.get(gateway.url() + "/cluster").body(), ClusterState.class);
            return cluster.workers().stream().anyMatch(w -> w.name().equals(worker) && w.healthy());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
