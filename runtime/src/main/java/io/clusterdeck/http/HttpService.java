package io.clusterdeck.http;

import io.undertow.server.HttpHandler;

/** A service with one HTTP listener on its own {@link IoEngine}, which tells its port and URL. */
public abstract class HttpService implements Service {
    /** The service's I/O threads, buffers and client; made with the service, so it can call out before it listens. */
    protected final IoEngine engine;
    private volatile HttpServer listener;

    protected HttpService(IoEngine engine) {
        this.engine = engine;
    }

    /** Starts listening; a service calls it from {@link #start()}. */
    protected final void listen(String host, int port, HttpHandler handler) {
        listener = HttpServer.start(engine, host, port, handler);
    }

    /** Stops listening, if it ever started. */
    protected final void stopListening() {
        var current = listener;
        if (current != null) {
            current.stop();
        }
    }

    /** Stops listening and the engine's threads. */
    protected final void stopEngine() {
        stopListening();
        engine.close();
    }

    @Override
    public int port() {
        return started().port();
    }

    @Override
    public String url() {
        return started().url();
    }

    private HttpServer started() {
        var current = listener;
        if (current == null) {
            throw new IllegalStateException(name() + " is not started");
        }
        return current;
    }
}
