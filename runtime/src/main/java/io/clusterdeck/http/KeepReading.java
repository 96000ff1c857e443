package io.clusterdeck.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;

/**
 * Two system calls less per call answered later than it came in. Undertow stops reading an HTTP/1.1 connection when a
 * request's head is in and reads again when the exchange completes; the JDK's selector takes a socket nobody reads
 * out of epoll and puts it back in, so a call answered from another event (a forwarded call, a simulated latency)
 * costs an {@code epoll_ctl} each way. Reading again in the same turn of the event loop as the stop leaves the
 * selector nothing to change.
 *
 * <p>Nothing is read early: a client that sends more while its call runs (a pipelined request) or hangs up makes the
 * connection readable, and whichever listener the connection has then (Undertow's own while the request runs, or
 * none once a body was read, for which Undertow suspends "to prevent listener runaway") stops reading, as Undertow
 * does for every request over TLS. The exchange's end reads again, as always.
 *
 * <p>So the exchange must end on its I/O thread. Without a listener, that stop takes none of the care Undertow's own
 * listener takes against an exchange ending on another thread: a kept-alive caller's next request, sent the moment
 * the answer reached it, could make the I/O thread stop reading just after the other thread had ended the exchange
 * and read again, and the connection was never read again (the caller's call lost, about one in twenty thousand
 * under load on two cores). {@link Responses} therefore hands an answer made on another thread to the exchange's
 * I/O thread, and the gateway and proxy answer on it anyway.
 */
final class KeepReading {
    private KeepReading() {
    }

    /** Reads the exchange's connection again, when it is plain HTTP/1.1 with nothing read ahead and still running. */
    static void whileAnswering(HttpServerExchange exchange) {
        if (exchange.getConnection() instanceof HttpServerConnection connection && exchange.isInIoThread()
                && connection.getSslSession() == null && connection.getExtraBytes() == null
                && connection.isOpen() && !exchange.isComplete()) {
            connection.getOriginalSourceConduit().resumeReads();
        }
    }
}
