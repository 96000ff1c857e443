package io.clusterdeck.http;

import io.undertow.Undertow;
import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * What one service runs its HTTP on: its I/O threads, a few task threads for what must not run on them, the
 * buffers both use, and the client that calls other services on the same threads. Made first, so that a service
 * can call out (fetch bundles, register) before it listens.
 */
public final class IoEngine implements AutoCloseable {
    /** The size of a pooled buffer: a request or response that fits in one is handled whole. */
    public static final int BUFFER_SIZE = 16 * 1024;

    private final XnioWorker worker;
    private final ByteBufferPool buffers;
    private final UpstreamClient client;

    private IoEngine(XnioWorker worker, ByteBufferPool buffers, UpstreamClient.Settings settings) {
        this.worker = worker;
        this.buffers = buffers;
        this.client = new UpstreamClient(worker, buffers, settings);
    }

    /**
     * @param ioThreads   threads that run the event loops (one per core is plenty)
     * @param taskThreads at most this many threads for blocking work handed off by handlers
     */
    public static IoEngine create(String name, int ioThreads, int taskThreads) {
        return create(name, ioThreads, taskThreads, UpstreamClient.Settings.DEFAULT);
    }

    public static IoEngine create(String name, int ioThreads, int taskThreads, UpstreamClient.Settings settings) {
        var options = OptionMap.builder()
                .set(Options.WORKER_NAME, name)
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.WORKER_TASK_CORE_THREADS, Math.min(1, taskThreads))
                .set(Options.WORKER_TASK_MAX_THREADS, taskThreads)
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .set(Options.STACK_SIZE, 256 * 1024L)
                .getMap();
        try {
            var worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(options);
            return new IoEngine(worker, new ThreadBufferPool(true, BUFFER_SIZE), settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the I/O threads of " + name, e);
        }
    }

    public XnioWorker worker() {
        return worker;
    }

    public ByteBufferPool buffers() {
        return buffers;
    }

    public UpstreamClient client() {
        return client;
    }

    /** Closes the client's connections and stops the threads. */
    @Override
    public void close() {
        client.close();
        worker.shutdown();
    }
}
