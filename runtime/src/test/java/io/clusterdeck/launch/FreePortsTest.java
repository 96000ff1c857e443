package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {
    @Test
    void aFreePortLiesBelowThePortsOutgoingConnectionsTakeAndAServiceCanBindIt() throws IOException {
        int port = FreePorts.on("127.0.0.1");

        assertThat(port).isBetween(20_000, 32_767);
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
