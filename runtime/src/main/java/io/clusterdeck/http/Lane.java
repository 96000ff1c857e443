package io.clusterdeck.http;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xnio.IoFuture;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * The connections to one upstream that belong to one I/O thread: only that thread touches a lane, so a call takes
 * an idle connection without a lock. Idle connections are reused newest first and closed after the idle timeout;
 * beyond the connection limit calls wait their turn, first come first served.
 */
final class Lane {
    private static final OptionMap OPTIONS = OptionMap.builder().set(Options.TCP_NODELAY, true).getMap();

    final Upstream upstream;
    final XnioIoThread thread;
    private final UpstreamClient.Settings settings;
    private final ArrayDeque<ClientConnection> idle = new ArrayDeque<>();
    private final List<ClientConnection> open = new ArrayList<>();
    private final ArrayDeque<ClientCall> waiting = new ArrayDeque<>();
    private int connecting;
    private XnioExecutor.Key sweep;

    Lane(Upstream upstream, XnioIoThread thread, UpstreamClient.Settings settings) {
        this.upstream = upstream;
        this.thread = thread;
        this.settings = settings;
    }

    void submit(ClientCall call) {
        ClientConnection connection;
        while ((connection = idle.pollLast()) != null) {
            if (connection.usable()) {
                connection.start(call);
                return;
            }
            connection.close();
        }
        if (open.size() + connecting < settings.maxConnectionsPerThread()) {
            connect(call);
        } else if (waiting.size() < settings.maxWaitingPerThread()) {
            call.waiting = true;
            waiting.add(call);
        } else {
            call.fail(Failure.NOT_SENT, new IOException("too many calls waiting for a connection to " + upstream));
        }
    }

    /** A connection is free again: the longest-waiting call takes it, or it waits idle. */
    void release(ClientConnection connection) {
        var next = waiting.poll();
        if (next != null) {
            next.waiting = false;
            connection.start(next);
            return;
        }
        connection.idleSince = System.nanoTime();
        idle.addLast(connection);
        if (sweep == null) {
            sweep = thread.executeAfter(this::sweep, settings.idleTimeoutMs(), TimeUnit.MILLISECONDS);
        }
    }

    void forget(ClientCall call) {
        waiting.remove(call);
    }

    void closed(ClientConnection connection) {
        open.remove(connection);
        idle.remove(connection);
        // A slot is free: a waiting call gets a new connection.
        var next = waiting.poll();
        if (next != null) {
            next.waiting = false;
            connect(next);
        }
    }

    /** Tells every call in flight on this lane that its upstream went down. */
    void down() {
        for (var connection : List.copyOf(open)) {
            connection.upstreamDown();
        }
        for (var call : List.copyOf(waiting)) {
            call.handler.onUpstreamDown();
        }
    }

    void close() {
        for (var connection : List.copyOf(open)) {
            connection.close();
        }
        for (var call : List.copyOf(waiting)) {
            call.fail(Failure.NOT_SENT, new IOException("the client is closed"));
        }
        waiting.clear();
    }

    int openConnections() {
        return open.size();
    }

    private void connect(ClientCall call) {
        connecting++;
        var future = thread.openStreamConnection(upstream.address(), channel -> { }, OPTIONS);
        var timeout = thread.executeAfter(future::cancel, settings.connectTimeoutMs(), TimeUnit.MILLISECONDS);
        future.addNotifier(new IoFuture.HandlingNotifier<StreamConnection, ClientCall>() {
            @Override
            public void handleDone(StreamConnection connected, ClientCall waiting) {
                timeout.remove();
                connecting--;
                var connection = new ClientConnection(Lane.this, connected);
                open.add(connection);
                if (waiting.over()) {
                    release(connection);
                } else {
                    connection.start(waiting);
                }
            }

            @Override
            public void handleFailed(IOException failure, ClientCall waiting) {
                timeout.remove();
                connecting--;
                waiting.fail(Failure.NOT_SENT, failure);
            }

            @Override
            public void handleCancelled(ClientCall waiting) {
                connecting--;
                waiting.fail(Failure.NOT_SENT, new ConnectException("connecting to " + upstream + " took over "
                        + settings.connectTimeoutMs() + " ms"));
            }
        }, call);
    }

    private void sweep() {
        sweep = null;
        long now = System.nanoTime();
        long limit = TimeUnit.MILLISECONDS.toNanos(settings.idleTimeoutMs());
        while (!idle.isEmpty() && now - idle.peekFirst().idleSince >= limit) {
            idle.pollFirst().close();
        }
        if (!idle.isEmpty()) {
            long wait = limit - (now - idle.peekFirst().idleSince);
            sweep = thread.executeAfter(this::sweep, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), TimeUnit.MILLISECONDS);
        }
    }
}
