package io.clusterdeck.http;

/**
 * The life of every runtime service: {@code create(config)}, {@link #start()}, {@link #port()}, {@link #stop()}.
 * A service configured with port 0 listens on a free port, which {@link #port()} tells after the start.
 */
public interface Service extends AutoCloseable {
    /** Starts listening (and, for a worker, registers); returns when the service takes calls. */
    Service start();

    /** The service's name from its config. */
    String name();

    /** The port it listens on; only meaningful after {@link #start()}. */
    int port();

    /** Where it answers, {@code http://host:port}. */
    String url();

    /** Stops gracefully: no new calls, in-flight calls finish, then the port closes. */
    void stop();

    @Override
    default void close() {
        stop();
    }

    /** The line a started service prints to stdout so that a launcher knows where it is. */
    static String readyLine(Service service) {
        return "clusterdeck ready: name=" + service.name() + " url=" + service.url() + " pid=" + ProcessHandle.current().pid();
    }
}
