package io.clusterdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.service.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a server that answers well, slowly, too much, or breaks off, over real sockets. */
class UpstreamClientTest {
    private static final Duration SECONDS = Duration.ofSeconds(5);
    private final IoEngine engine = IoEngine.create("client-test", 1, 1,
            new UpstreamClient.Settings(1_000, 2, 100, 30_000));
    private final UpstreamClient client = engine.client();
    private final java.util.List<ScriptedServer> servers = new ArrayList<>();

    @AfterEach
    void closeEverything() throws IOException {
        engine.close();
        for (var server : servers) {
            server.close();
        }
    }

    private ScriptedServer serve(ScriptedServer.Script script) throws IOException {
        var server = new ScriptedServer(script);
        servers.add(server);
        return server;
    }

    private static OutboundRequest get(String path) {
        return new OutboundRequest(OutboundRequest.requestLine("GET", path), new byte[0], null, null);
    }

    private BufferedResponse call(ScriptedServer server, String path, Duration timeout, int maxBytes) {
        return client.call(server.url(), get(path), timeout, maxBytes).join();
    }

    private static CallException failureOf(CompletableFuture<?> call) {
        try {
            call.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(CallException.class);
            return (CallException) e.getCause();
        }
        throw new AssertionError("the call did not fail");
    }

    @Test
    void answerIsReadWholeWithItsHeaders() throws IOException {
        var server = serve((request, socket, out) -> ScriptedServer.respond(out, 201, "{\"path\":\"" + request.path() + "\"}"));

        var response = call(server, "/things?x=1", SECONDS, 1024);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("content-type")).isEqualTo("application/json");
        assertThat(response.text()).isEqualTo("{\"path\":\"/things?x=1\"}");
    }

    @Test
    void requestCarriesHostRequestIdHeadersAndBody() throws IOException {
        var seen = new ArrayList<ScriptedServer.Request>();
        var server = serve((request, socket, out) -> {
            seen.add(request);
            ScriptedServer.respond(out, 200, "{}");
        });
        var request = new OutboundRequest(OutboundRequest.requestLine("POST", "/rpc/a/b"),
                OutboundRequest.headers("Content-Type", "application/json", "X-Left-Out", null), "id-7",
                "{\"n\":1}".getBytes(StandardCharsets.UTF_8));

        client.call(server.url(), request, SECONDS, 1024).join();

        var received = seen.get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("Host")).endsWith(":" + server.url().replaceAll(".*:", ""));
        assertThat(received.header("X-Request-Id")).isEqualTo("id-7");
        assertThat(received.header("X-Left-Out")).isNull();
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    }

    @Test
    void callsOneAfterAnotherShareOneKeptAliveConnection() throws IOException {
        var server = serve((request, socket, out) -> ScriptedServer.respond(out, 200, "{}"));

        for (int i = 0; i < 5; i++) {
            call(server, "/" + i, SECONDS, 1024);
        }

        assertThat(server.requests()).isEqualTo(5);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void connectionTheServerClosesAfterItsAnswerIsNotUsedAgain() throws IOException {
        var server = serve((request, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        });

        call(server, "/1", SECONDS, 1024);
        call(server, "/2", SECONDS, 1024);

        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void chunkedAnswerArrivingInPiecesIsReadWhole() throws IOException {
        var server = serve((request, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            pause(50);
            out.write("1;ext=1\r\n \r\n6\r\nworld!\r\n0\r\nTrailer: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });

        var first = call(server, "/chunks", SECONDS, 1024);
        var second = call(server, "/chunks", SECONDS, 1024);

        assertThat(first.text()).isEqualTo("hello world!");
        assertThat(second.text()).isEqualTo("hello world!");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void answerLargerThanABufferIsReadWhole() throws IOException {
        var body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) 'x');
        body[body.length - 1] = 'y';
        var server = serve((request, socket, out) -> ScriptedServer.respond(out, 200, "text/plain", body));

        var response = call(server, "/big", SECONDS, 2 * 1024 * 1024);

        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void answerOverTheCallersLimitFails() throws IOException {
        var server = serve((request, socket, out) -> ScriptedServer.respond(out, 200, "text/plain", new byte[100_000]));

        var failure = failureOf(client.call(server.url(), get("/big"), SECONDS, 10_000));

        assertThat(failure.getMessage()).contains("more than 10000 bytes");
    }

    @Test
    void refusedConnectionNeverReachedTheServer() throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        var failure = failureOf(client.call("http://127.0.0.1:" + port, get("/"), SECONDS, 1024));

        assertThat(failure.failure()).isEqualTo(Failure.NOT_SENT);
        assertThat(failure.neverReached()).isTrue();
        assertThat(CallException.describe(failure)).isEqualTo("connection refused");
    }

    @Test
    void resetAfterTheRequestMayHaveRunItAndSaysSo() throws IOException {
        var server = serve((request, socket, out) -> ScriptedServer.reset(socket));

        var failure = failureOf(client.call(server.url(), get("/reset"), SECONDS, 1024));

        assertThat(failure.failure()).isEqualTo(Failure.NO_RESPONSE);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void answerCutShortIsNotTakenForAWholeOne() throws IOException {
        var server = serve((request, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"half\":".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        });

        var failure = failureOf(client.call(server.url(), get("/cut"), SECONDS, 1024));

        assertThat(failure.failure()).isEqualTo(Failure.NO_RESPONSE);
        assertThat(failure.getMessage()).contains("in the middle of an answer");
    }

    @Test
    void answerThatIsNotHttpIsABadResponse() throws IOException {
        var server = serve((request, socket, out) -> {
            out.write("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        });

        var failure = failureOf(client.call(server.url(), get("/"), SECONDS, 1024));

        assertThat(failure.failure()).isEqualTo(Failure.BAD_RESPONSE);
    }

    @Test
    void serverThatNeverAnswersTimesOutAndLosesTheConnection() throws IOException {
        var server = serve((request, socket, out) -> pause(10_000));
        long started = System.nanoTime();

        var failure = failureOf(client.call(server.url(), get("/slow"), Duration.ofMillis(300), 1024));

        assertThat(failure.failure()).isEqualTo(Failure.TIMED_OUT);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms until the timeout").isLessThan(5_000);
        Await.until("the timed-out connection is closed", SECONDS, () -> client.upstream(server.url()).openConnections() == 0);
    }

    @Test
    void callsBeyondTheConnectionLimitWaitTheirTurnAndAllSucceed() throws IOException {
        var concurrent = new AtomicInteger();
        var most = new AtomicInteger();
        var server = serve((request, socket, out) -> {
            most.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            pause(20);
            concurrent.decrementAndGet();
            ScriptedServer.respond(out, 200, "{}");
        });

        var calls = new ArrayList<CompletableFuture<BufferedResponse>>();
        for (int i = 0; i < 20; i++) {
            calls.add(client.call(server.url(), get("/" + i), Duration.ofSeconds(20), 1024));
        }

        assertThat(calls).allSatisfy(call -> assertThat(call.join().status()).isEqualTo(200));
        assertThat(server.connections()).as("connections opened, at most 2 per I/O thread").isLessThanOrEqualTo(2);
        assertThat(most.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aRequestHeadThatCannotBeSentSafelyIsRefusedWhenMade() {
        assertThatThrownBy(() -> OutboundRequest.headers("X-Evil", "a\r\nInjected: yes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundRequest.requestLine("GET", "/a b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
