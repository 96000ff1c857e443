package io.clusterdeck.http;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.xnio.XnioIoThread;

/** A server the client calls, {@code http://host:port}, with its connections per I/O thread. */
public final class Upstream {
    private final String url;
    private final InetSocketAddress address;
    private final byte[] hostLine;
    private final UpstreamClient client;
    private final AtomicReferenceArray<Lane> lanes;

    Upstream(UpstreamClient client, String url, int threads) {
        var uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("not an http://host:port URL: " + url);
        }
        this.client = client;
        this.url = "http://" + uri.getRawAuthority();
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        // A name, not an address: servers check an address in Host with a costly pattern, a name with a table.
        var host = uri.getHost().equals("127.0.0.1") ? "localhost" : uri.getHost();
        this.hostLine = ("Host: " + host + ":" + uri.getPort() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        this.lanes = new AtomicReferenceArray<>(threads);
    }

    UpstreamClient client() {
        return client;
    }

    InetSocketAddress address() {
        return address;
    }

    byte[] hostLine() {
        return hostLine;
    }

    /** The lane of the given I/O thread; only that thread calls this. */
    Lane lane(XnioIoThread thread) {
        var lane = lanes.get(thread.getNumber());
        if (lane == null) {
            lane = new Lane(this, thread, client.settings());
            lanes.set(thread.getNumber(), lane);
        }
        return lane;
    }

    /**
     * The upstream is known to be down: every call in flight to it hears so on its own thread
     * ({@link ResponseHandler#onUpstreamDown()}), and may go elsewhere.
     */
    public void down() {
        forEachLane(Lane::down);
    }

    /** Open connections over every I/O thread; for tests and figures, read while calls run it is approximate. */
    public int openConnections() {
        int count = 0;
        for (int i = 0; i < lanes.length(); i++) {
            var lane = lanes.get(i);
            count += lane == null ? 0 : lane.openConnections();
        }
        return count;
    }

    void close() {
        forEachLane(Lane::close);
    }

    private void forEachLane(java.util.function.Consumer<Lane> action) {
        for (int i = 0; i < lanes.length(); i++) {
            var lane = lanes.get(i);
            if (lane != null) {
                lane.thread.execute(() -> action.accept(lane));
            }
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
