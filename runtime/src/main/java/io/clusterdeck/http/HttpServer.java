package io.clusterdeck.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import org.xnio.Options;

/** An Undertow listener on one address, on a service's {@link IoEngine}; port 0 picks a free port. */
public final class HttpServer {
    private final Undertow undertow;
    private final String host;

    private HttpServer(Undertow undertow, String host) {
        this.undertow = undertow;
        this.host = host;
    }

    public static HttpServer start(IoEngine engine, String host, int port, HttpHandler handler) {
        var undertow = Undertow.builder()
                .setWorker(engine.worker())
                .setByteBufferPool(engine.buffers())
                .addHttpListener(port, host)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                .setSocketOption(Options.REUSE_ADDRESSES, true)
                .setSocketOption(Options.BACKLOG, 1024)
                .setHandler(new DateHeader(handler))
                .build();
        undertow.start();
        return new HttpServer(undertow, host);
    }

    public int port() {
        var address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return address.getPort();
    }

    public String url() {
        var shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + shown + ":" + port();
    }

    public void stop() {
        undertow.stop();
    }
}
