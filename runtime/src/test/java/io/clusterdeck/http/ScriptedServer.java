package io.clusterdeck.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers each request as its script says, including the ways a dying or
 * broken server answers: a reset, a close in the middle of an answer, no answer at all. A thread per connection,
 * keep-alive, every socket closed by {@link #close()}.
 */
public final class ScriptedServer implements AutoCloseable {
    /** What the server does with one request. */
    public interface Script {
        void answer(Request request, Socket socket, OutputStream out) throws IOException;
    }

    /** A request as the server read it. */
    public record Request(String method, String path, List<String> headerLines, byte[] body, int number) {
        String header(String name) {
            for (var line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    public ScriptedServer(Script script) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.script = script;
        var acceptor = new Thread(this::accept, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int requests() {
        return requests.get();
    }

    int connections() {
        return connections.get();
    }

    /** Answers {@code status} with the body, and keeps the connection. */
    static void respond(OutputStream out, int status, String contentType, byte[] body) throws IOException {
        var head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    public static void respond(OutputStream out, int status, String body) throws IOException {
        respond(out, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the connection with a TCP reset instead of a goodbye. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    private void accept() {
        while (!closed) {
            try {
                var socket = server.accept();
                sockets.add(socket);
                connections.incrementAndGet();
                var thread = new Thread(() -> serve(socket), "scripted-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            while (!socket.isClosed()) {
                var request = read(in);
                if (request == null) {
                    return;
                }
                script.answer(request, socket, out);
            }
        } catch (IOException e) {
            // The script or the client ended the connection.
        }
    }

    private Request read(InputStream in) throws IOException {
        var message = WireMessage.read(in);
        if (message == null) {
            return null;
        }
        var requestLine = message.head().get(0).split(" ");
        var headers = message.head().subList(1, message.head().size());
        return new Request(requestLine[0], requestLine[1], headers, message.body(), requests.incrementAndGet());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (var socket : sockets) {
            socket.close();
        }
    }
}
