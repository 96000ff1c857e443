package io.clusterdeck.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The asynchronous HTTP client the services call each other with: pooled keep-alive connections, no thread
 * waiting on a call.
 */
public final class ClusterClient {
    private final HttpClient client;
    private final ExecutorService executor;

    public ClusterClient(String name) {
        var count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
            var thread = new Thread(runnable, name + "-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** Sends a request; the future fails with the I/O error when there is no response. */
    public CompletableFuture<HttpResponse<byte[]>> send(String method, String url, byte[] body, Map<String, String> headers,
                                                        Duration timeout) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        headers.forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        var publisher = body == null || body.length == 0 && !method.equals("POST")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        builder.method(method, publisher);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public CompletableFuture<HttpResponse<byte[]>> get(String url, Map<String, String> headers, Duration timeout) {
        return send("GET", url, null, headers, timeout);
    }

    /** True when a failure proves the request never reached the server, so it can go elsewhere safely. */
    public static boolean neverReached(Throwable failure) {
        var cause = unwrap(failure);
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
    }

    public static boolean timedOut(Throwable failure) {
        return unwrap(failure) instanceof HttpTimeoutException;
    }

    public static Throwable unwrap(Throwable failure) {
        var cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // The client wraps a refused connection in a plain IOException whose cause is the ConnectException.
        if (cause instanceof IOException && !(cause instanceof ConnectException) && cause.getCause() instanceof ConnectException) {
            return cause.getCause();
        }
        return cause;
    }

    /** A short description of a failure for logs and event reasons. */
    public static String describe(Throwable failure) {
        var cause = unwrap(failure);
        var message = cause.getMessage();
        var kind = cause instanceof ConnectException ? "connection refused"
                : cause instanceof HttpTimeoutException ? "timed out"
                : cause.getClass().getSimpleName();
        return message == null || message.isBlank() || message.equals(kind) ? kind : kind + ": " + message;
    }

    public void close() {
        executor.shutdownNow();
    }
}
