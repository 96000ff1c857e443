package io.clusterdeck.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.event.EventType;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.RawHttp;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's forwarding path against workers that misbehave on purpose: they reset, answer a lot, answer late,
 * die in the middle of an answer, or drain. Each worker is a scripted HTTP server registered like a real one.
 */
class ForwardingPathTest {
    private static final int TIMEOUT_MS = 3_000;

    private final GatewayService gateway = GatewayService.create(
            TestConfigs.gateway(0, TestConfigs.FAST_CHECKS, TIMEOUT_MS, null), ClusterKey.of(TestConfigs.KEY)).start();
    private final List<FakeWorker> workers = new ArrayList<>();

    @AfterEach
    void stopEverything() throws IOException {
        gateway.stop();
        for (var worker : workers) {
            worker.close();
        }
    }

    /** What a fake worker does with a call; health checks always pass. */
    interface Behaviour {
        void call(String path, Socket socket, OutputStream out) throws IOException;
    }

    private FakeWorker worker(String name, Behaviour behaviour) throws IOException {
        var worker = new FakeWorker(name, behaviour);
        workers.add(worker);
        var registered = TestHttp.post(gateway.url() + "/workers", "{\"name\":\"" + name + "\",\"segment\":\"shop\",\"url\":\""
                + worker.url() + "\"}", "Authorization", TestHttp.token(null));
        assertThat(registered.statusCode()).isEqualTo(201);
        return worker;
    }

    private void awaitHealthy(int count) {
        Await.until(count + " workers healthy", Duration.ofSeconds(10), () -> gateway.events().recent().stream()
                .filter(e -> e.type() == EventType.HEALTHY).count() >= count);
    }

    private static Behaviour answering(String body) {
        return (path, socket, out) -> respond(out, 200, body.getBytes(StandardCharsets.UTF_8), "");
    }

    private static void respond(OutputStream out, int status, byte[] body, String extraHeaders) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + extraHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private HttpResponse<String> call(String function) {
        return TestHttp.post(gateway.url() + "/rpc/" + function, "{}");
    }

    @Test
    void idempotentCallIsReplayedOnAnotherWorkerWhenTheFirstResetsIt() throws IOException {
        var first = worker("worker-shop-1", (path, socket, out) -> reset(socket));
        var second = worker("worker-shop-2", answering("{\"by\":2}"));
        awaitHealthy(2);

        var response = call("shop/read");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"by\":2}");
        assertThat(first.calls.get() + second.calls.get()).isEqualTo(2);
        assertThat(gateway.events().recent()).anyMatch(e -> e.type() == EventType.RETRIED);
    }

    @Test
    void nonIdempotentCallThatReachedAWorkerIsNotReplayed() throws IOException {
        var first = worker("worker-shop-1", (path, socket, out) -> reset(socket));
        var second = worker("worker-shop-2", answering("{\"by\":2}"));
        awaitHealthy(2);

        var response = call("shop/write");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"worker_failed\"", "is not idempotent");
        assertThat(first.calls.get()).isEqualTo(1);
        assertThat(second.calls.get()).isZero();
    }

    @Test
    void callThatCouldNotReachAWorkerGoesToAnotherEvenWhenNotIdempotent() throws IOException {
        var first = worker("worker-shop-1", answering("{\"by\":1}"));
        var second = worker("worker-shop-2", answering("{\"by\":2}"));
        awaitHealthy(2);
        first.close();

        var response = call("shop/write");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"by\":2}");
        assertThat(second.calls.get()).isEqualTo(1);
    }

    @Test
    void drainingWorkerHandsTheCallToAnother() throws IOException {
        worker("worker-shop-1", (path, socket, out) -> respond(out, 503, "{}".getBytes(StandardCharsets.UTF_8),
                "X-Clusterdeck-Draining: true\r\n"));
        worker("worker-shop-2", answering("{\"by\":2}"));
        awaitHealthy(2);

        var response = call("shop/write");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"by\":2}");
    }

    @Test
    void answerLargerThanABufferIsRelayedWhole() throws IOException {
        var body = new byte[3 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');
        body[0] = '"';
        body[body.length - 1] = '"';
        worker("worker-shop-1", (path, socket, out) -> respond(out, 200, body, ""));
        awaitHealthy(1);

        var response = call("shop/read");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains(Integer.toString(body.length));
        assertThat(response.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(body);
    }

    @Test
    void workerSlowerThanTheTimeoutIsAnswered504InTime() throws IOException {
        worker("worker-shop-1", (path, socket, out) -> sleep(20_000));
        awaitHealthy(1);
        long started = System.nanoTime();

        var response = call("shop/read");

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("\"code\":\"timed_out\"", "within " + TIMEOUT_MS + " ms");
        assertThat(tookMs).as("ms until the answer, for a timeout of %d ms", TIMEOUT_MS).isLessThan(15_000);
    }

    @Test
    void workerThatDiesBeforeItsAnswerIsPassedOnCostsAnIdempotentCallNothing() throws IOException {
        worker("worker-shop-1", (path, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"half\"".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        });
        worker("worker-shop-2", answering("{\"by\":2}"));
        awaitHealthy(2);

        var response = call("shop/read");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"by\":2}");
    }

    @Test
    void workerThatDiesInTheMiddleOfALargeAnswerCutsTheClientsAnswerShort() throws IOException {
        worker("worker-shop-1", (path, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[100_000]);
            out.flush();
            socket.close();
        });
        awaitHealthy(1);

        assertThatThrownBy(() -> call("shop/read")).hasRootCauseInstanceOf(IOException.class);
        assertThat(TestHttp.get(gateway.url() + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void manyConcurrentCallsAllGetTheirAnswer() throws IOException {
        worker("worker-shop-1", (path, socket, out) -> {
            sleep(20);
            respond(out, 200, "{}".getBytes(StandardCharsets.UTF_8), "");
        });
        worker("worker-shop-2", answering("{}"));
        awaitHealthy(2);
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = HttpRequest.newBuilder(URI.create(gateway.url() + "/rpc/shop/read"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(20)).build();

        var calls = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 200; i++) {
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(calls.stream().map(call -> call.join().statusCode())).containsOnly(200);
    }

    @Test
    void aCallSentOnAConnectionWhileItsFirstCallIsForwardedIsAnsweredAfterIt() throws IOException {
        var served = new AtomicInteger();
        worker("worker-shop-1", (path, socket, out) -> {
            int n = served.incrementAndGet();
            sleep(n == 1 ? 500 : 0);
            respond(out, 200, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8), "");
        });
        awaitHealthy(1);

        try (var client = new Socket(InetAddress.getLoopbackAddress(), URI.create(gateway.url()).getPort())) {
            var out = client.getOutputStream();
            out.write(RAW_CALL);
            out.flush();
            Await.until("the first call at the worker", Duration.ofSeconds(10), () -> served.get() == 1);
            out.write(RAW_CALL);
            out.flush();

            var in = client.getInputStream();
            assertThat(RawHttp.readBody(in)).isEqualTo("{\"n\":1}");
            assertThat(RawHttp.readBody(in)).isEqualTo("{\"n\":2}");
        }
    }

    @Test
    void aClientThatHangsUpWhileItsCallIsForwardedLeavesTheGatewayIdleAndServing() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        var worker = worker("worker-shop-1", (path, socket, out) -> {
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(out, 200, "{}".getBytes(StandardCharsets.UTF_8), "");
        });
        awaitHealthy(1);
        try (var client = new Socket(InetAddress.getLoopbackAddress(), URI.create(gateway.url()).getPort())) {
            client.getOutputStream().write(RAW_CALL);
            client.getOutputStream().flush();
            Await.until("the call at the worker", Duration.ofSeconds(10), () -> worker.calls.get() == 1);
        }

        long before = ioThreadsCpuNanos();
        sleep(1_000);
        long spent = ioThreadsCpuNanos() - before;
        release.countDown();

        // A connection left readable with nobody to read it would keep an I/O thread busy for the whole second.
        assertThat(spent / 1_000_000).as("ms of CPU the gateway's I/O threads took in a second of waiting").isLessThan(150);
        assertThat(call("shop/read").statusCode()).isEqualTo(200);
    }

    private static final byte[] RAW_CALL = ("POST /rpc/shop/read HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1);

    private static long ioThreadsCpuNanos() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("gateway I/O-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A worker that passes every health check and answers calls as its behaviour says. */
    private static final class FakeWorker implements AutoCloseable {
        private final ServerSocket server;
        private final Behaviour behaviour;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        FakeWorker(String name, Behaviour behaviour) throws IOException {
            this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            this.behaviour = behaviour;
            var acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        var socket = server.accept();
                        sockets.add(socket);
                        var thread = new Thread(() -> serve(name, socket), name);
                        thread.setDaemon(true);
                        thread.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, name + "-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void serve(String name, Socket socket) {
            try (socket) {
                var in = socket.getInputStream();
                var out = socket.getOutputStream();
                while (true) {
                    var head = new StringBuilder();
                    int last = 0;
                    while (last != 0x0d0a0d0a) {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        head.append((char) b);
                        last = last << 8 | b;
                    }
                    var lines = head.toString().split("\r\n");
                    int length = 0;
                    for (var line : lines) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.readNBytes(length);
                    var path = lines[0].split(" ")[1];
                    if (path.equals("/health")) {
                        respond(out, 200, ("{\"status\":\"UP\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8), "");
                    } else {
                        calls.incrementAndGet();
                        behaviour.call(path, socket, out);
                    }
                }
            } catch (IOException e) {
                // The behaviour or the gateway ended the connection.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (var socket : sockets) {
                socket.close();
            }
        }
    }
}
