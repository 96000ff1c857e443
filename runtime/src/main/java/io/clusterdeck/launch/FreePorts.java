package io.clusterdeck.launch;

import io.clusterdeck.plan.PlanOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports to give processes that start later. A port the system picks (binding port 0) comes from the range it also
 * hands out to outgoing connections, so between the pick and the service's bind any client connection on the machine
 * may take it; a port picked below that range (32768 and up on Linux) can only be taken by another listener.
 */
public final class FreePorts {
    private static final int LOWEST = 20_000;
    private static final int ABOVE_HIGHEST = 32_768;
    private static final int TRIES = 100;

    private FreePorts() {
    }

    /** A port nothing listens on now on loopback, where the launcher's processes and the tests listen. */
    public static int onLoopback() {
        return on(PlanOptions.LOOPBACK);
    }

    /** A port nothing listens on now on {@code host}: one below the outgoing range, or the system's pick if none is. */
    public static int on(String host) {
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < TRIES; i++) {
            int port = LOWEST + random.nextInt(ABOVE_HIGHEST - LOWEST);
            if (Ports.available(host, port)) {
                return port;
            }
        }
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(Ports.bindable(host)), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
