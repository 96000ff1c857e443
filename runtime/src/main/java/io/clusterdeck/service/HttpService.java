package io.clusterdeck.service;

import io.undertow.server.HttpHandler;

/** A service with one HTTP listener, which tells its port and URL. */
public abstract class HttpService implements Service {
    private volatile HttpServer listener;

    /** Starts listening; a service calls it from {@link #start()}. */
    protected final void listen(String host, int port, HttpHandler handler) {
        listener = HttpServer.start(host, port, handler);
    }

    /** Stops listening, if it ever started. */
    protected final void stopListening() {
        var current = listener;
        if (current != null) {
            current.stop();
        }
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
