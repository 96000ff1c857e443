package io.clusterdeck.http;

import io.undertow.connector.ByteBufferPool;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/**
 * A lean HTTP/1.1 client on a service's own I/O threads. A call runs on one I/O thread from start to end: it takes
 * an idle keep-alive connection of that thread (or opens one), writes its request in one go and hands the answer
 * to its handler there, so forwarding a call costs no thread hand-off, no lock and no timer thread.
 *
 * <pre>{@code
 * var gateway = client.upstream("http://127.0.0.1:7401");
 * client.send(gateway, request, exchange.getIoThread(), handler);        // on the exchange's I/O thread
 * client.call("http://127.0.0.1:7401", request, Duration.ofSeconds(1), 64 * 1024)
 *       .thenAccept(response -> ...);                                   // from any thread
 * }</pre>
 */
public final class UpstreamClient implements AutoCloseable {
    /**
     * @param connectTimeoutMs        how long opening a connection may take
     * @param maxConnectionsPerThread connections to one upstream per I/O thread; further calls wait their turn
     * @param maxWaitingPerThread     calls that may wait for a connection per upstream and I/O thread; more fail at once
     * @param idleTimeoutMs           idle connections close after this (below the servers' own idle timeout)
     */
    public record Settings(int connectTimeoutMs, int maxConnectionsPerThread, int maxWaitingPerThread, int idleTimeoutMs) {
        public static final Settings DEFAULT = new Settings(1_000, 512, 4_096, 30_000);

        public Settings {
            if (connectTimeoutMs < 1 || maxConnectionsPerThread < 1 || maxWaitingPerThread < 0 || idleTimeoutMs < 1) {
                throw new IllegalArgumentException("client settings out of range: " + connectTimeoutMs + ", "
                        + maxConnectionsPerThread + ", " + maxWaitingPerThread + ", " + idleTimeoutMs);
            }
        }
    }

    private final XnioWorker worker;
    private final ByteBufferPool buffers;
    private final Settings settings;
    private final Map<String, Upstream> upstreams = new ConcurrentHashMap<>();

    public UpstreamClient(XnioWorker worker, ByteBufferPool buffers, Settings settings) {
        this.worker = worker;
        this.buffers = buffers;
        this.settings = settings;
    }

    /** The upstream at {@code http://host:port} (a path is ignored); the same object for the same URL. */
    public Upstream upstream(String url) {
        var known = upstreams.get(url);
        return known != null ? known : upstreams.computeIfAbsent(url, u -> new Upstream(this, u, worker.getIoThreadCount()));
    }

    /**
     * Sends a request on the given I/O thread, which must be the calling thread and one of this client's; the
     * handler hears of the answer on that thread.
     */
    public ClientCall send(Upstream upstream, OutboundRequest request, XnioIoThread thread, ResponseHandler handler) {
        if (thread.getWorker() != worker) {
            throw new IllegalArgumentException("the I/O thread is not one of this client's");
        }
        var call = new ClientCall(upstream.lane(thread), request, handler);
        call.lane.submit(call);
        return call;
    }

    /**
     * Sends a request from any thread and reads its whole answer, at most {@code maxBytes} (a negative limit reads
     * the body and drops it, for callers that need only the status and headers); the future fails with a
     * {@link CallException} that tells how far the call got. Dependent stages run on an I/O thread: keep them short.
     */
    public CompletableFuture<BufferedResponse> call(String url, OutboundRequest request, Duration timeout, int maxBytes) {
        var result = new CompletableFuture<BufferedResponse>();
        var upstream = upstream(url);
        var call = new BufferedCall(upstream, maxBytes, result);
        long timeoutMs = Math.max(1, timeout.toMillis());
        if (Thread.currentThread() instanceof XnioIoThread here && here.getWorker() == worker) {
            call.start(this, request, here, timeoutMs);
        } else {
            var thread = worker.getIoThread();
            thread.execute(() -> call.start(this, request, thread, timeoutMs));
        }
        return result;
    }

    /** A GET of a path, answered whole. */
    public CompletableFuture<BufferedResponse> get(String url, String path, byte[] headers, Duration timeout, int maxBytes) {
        return call(url, new OutboundRequest(OutboundRequest.requestLine("GET", path), headers, null, null), timeout, maxBytes);
    }

    /**
     * The I/O thread for a service's periodic work that calls out (health checks): work scheduled on it with
     * {@code executeAfter} sends its calls without a hand-off.
     */
    public XnioIoThread timerThread() {
        return worker.getIoThread(0);
    }

    Settings settings() {
        return settings;
    }

    /** The size of the buffers calls are written from and read into. */
    int bufferSize() {
        return buffers.getBufferSize();
    }

    /** Closes every connection; calls in flight fail. */
    @Override
    public void close() {
        upstreams.values().forEach(Upstream::close);
    }
}
