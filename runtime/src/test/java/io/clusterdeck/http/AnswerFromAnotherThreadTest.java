package io.clusterdeck.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.service.Await;
import io.clusterdeck.time.Threads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call whose body was read and whose answer comes from a thread of the service's own (a worker's CPU threads,
 * its timer), as a worker answers a function with CPU or latency. Services keep reading such a connection while the
 * call runs ({@link KeepReading}); the next request on it must still be read, however it races the answer.
 */
class AnswerFromAnotherThreadTest {
    private static final int CLIENTS = 8;
    private static final long RUN_MILLIS = 3_000;
    private static final int MAX_CALLS_PER_CLIENT = 20_000;

    private final IoEngine engine = IoEngine.create("answer-test", 1, 1);
    private final ExecutorService answering = Executors.newFixedThreadPool(4, Threads.daemon("answer-test-cpu"));
    private final ConcurrentLinkedQueue<Boolean> completedOnIoThread = new ConcurrentLinkedQueue<>();
    private final HttpServer server = HttpServer.start(engine, "127.0.0.1", 0, exchange ->
            Bodies.read(exchange, 1024, (ex, body) -> {
                ex.addExchangeCompleteListener((done, next) -> {
                    completedOnIoThread.add(done.isInIoThread());
                    next.proceed();
                });
                answering.execute(() -> Responses.json(ex, 200, body));
            }));

    @AfterEach
    void stop() {
        server.stop();
        answering.shutdownNow();
        engine.close();
    }

    @Test
    void anAnswerWrittenFromAnotherThreadCompletesItsExchangeOnTheExchangesIoThread() throws IOException {
        try (var socket = connect()) {
            assertThat(call(socket, 1)).isEqualTo("{\"n\":1}");
        }
        // The exchange ends once its answer is written, so the caller can have it a moment before.
        Await.until("the exchange's end", Duration.ofSeconds(10), () -> !completedOnIoThread.isEmpty());
        assertThat(completedOnIoThread).containsExactly(true);
    }

    @Test
    void keptAliveCallersWhoseCallsAreAllAnsweredFromAnotherThreadGetEveryAnswer() throws Exception {
        var answered = new AtomicInteger();
        var lost = new ConcurrentLinkedQueue<String>();
        var clients = new ArrayList<Thread>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
        for (int c = 0; c < CLIENTS; c++) {
            var client = new Thread(() -> {
                try (var socket = connect()) {
                    for (int n = 1; n <= MAX_CALLS_PER_CLIENT && System.nanoTime() < until; n++) {
                        try {
                            call(socket, n);
                            answered.incrementAndGet();
                        } catch (SocketTimeoutException e) {
                            lost.add("call " + n + " on " + socket.getLocalPort() + " got no answer in 2 s");
                            return;
                        }
                    }
                } catch (IOException e) {
                    lost.add(e.toString());
                }
            });
            clients.add(client);
            client.start();
        }
        for (var client : clients) {
            client.join(RUN_MILLIS + 10_000);
        }

        assertThat(lost).as("calls without an answer, after %d answered", answered.get()).isEmpty();
        assertThat(answered.get()).isGreaterThan(CLIENTS);
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(server.url()).getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(2_000);
        return socket;
    }

    /** One keep-alive call, head and body in one write as the cluster's own client sends them; returns the answer's body. */
    private static String call(Socket socket, int n) throws IOException {
        var body = "{\"n\":" + n + "}";
        var request = "POST /rpc/test/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        var answer = WireMessage.read(socket.getInputStream());
        if (answer == null) {
            throw new IOException("the connection ended before call " + n + " was answered");
        }
        return answer.bodyText();
    }
}
