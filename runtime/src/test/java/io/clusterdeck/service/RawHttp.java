package io.clusterdeck.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Sends bytes no well-behaved client would, and returns what came back. */
public final class RawHttp {
    private RawHttp() {
    }

    public static String exchange(String baseUrl, byte[] request) {
        var uri = URI.create(baseUrl);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2_000);
            socket.setSoTimeout(3_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may close before reading everything; its answer may still be there
            }
            var answer = new ByteArrayOutputStream();
            var buffer = new byte[8192];
            try {
                int read;
                while ((read = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.ISO_8859_1).contains("}}")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the answer so far is what there is
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String exchange(String baseUrl, String request) {
        return exchange(baseUrl, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads one response with a {@code Content-Length} from a connection and returns its body. */
    public static String readBody(java.io.InputStream in) throws IOException {
        var message = io.clusterdeck.http.WireMessage.read(in);
        if (message == null) {
            throw new IOException("the connection ended within a response head");
        }
        return message.bodyText();
    }

    public static int status(String answer) {
        if (!answer.startsWith("HTTP/1.1 ")) {
            return -1;
        }
        return Integer.parseInt(answer.substring(9, 12));
    }
}
