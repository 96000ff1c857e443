package io.clusterdeck.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A request as it goes on the wire, made once and sendable many times (a replay on another upstream writes the same
 * bytes with another {@code Host}). Its request line and most headers are bytes made ahead of time; only the
 * request id and the body change per call.
 */
public final class OutboundRequest {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] REQUEST_ID = "X-Request-Id: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] requestLine;
    private final byte[] headers;
    private final String requestId;
    private final byte[] body;
    private final boolean headRequest;

    /**
     * @param requestLine from {@link #requestLine(String, String)}
     * @param headers     from {@link #headers(String...)}, or empty
     * @param requestId   printable ASCII, or null
     * @param body        the body, or null for none (no {@code Content-Length} is sent)
     */
    public OutboundRequest(byte[] requestLine, byte[] headers, String requestId, byte[] body) {
        this.requestLine = requestLine;
        this.headers = headers;
        this.requestId = requestId;
        this.body = body;
        this.headRequest = requestLine.length > 5 && requestLine[0] == 'H' && requestLine[1] == 'E' && requestLine[4] == ' ';
    }

    /** {@code METHOD path HTTP/1.1\r\n}; the path must be an absolute path with its query, as printable ASCII. */
    public static byte[] requestLine(String method, String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        checkToken(method);
        checkValue(path);
        if (path.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("a request path must not hold spaces");
        }
        return (method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Header lines from name and value pairs; a null value leaves its header out. */
    public static byte[] headers(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name and value pairs");
        }
        var text = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                continue;
            }
            checkToken(namesAndValues[i]);
            checkValue(namesAndValues[i + 1]);
            text.append(namesAndValues[i]).append(": ").append(namesAndValues[i + 1]).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A copy with another request id. */
    public OutboundRequest withRequestId(String newRequestId) {
        return new OutboundRequest(requestLine, headers, newRequestId, body);
    }

    boolean isHead() {
        return headRequest;
    }

    byte[] body() {
        return body;
    }

    /** The length of everything before the body. */
    int headLength(byte[] hostLine) {
        int length = requestLine.length + hostLine.length + headers.length + CRLF.length;
        if (requestId != null) {
            length += REQUEST_ID.length + requestId.length() + CRLF.length;
        }
        if (body != null) {
            length += CONTENT_LENGTH.length + digits(body.length) + CRLF.length;
        }
        return length;
    }

    /** Writes everything before the body; {@code out} has room for {@link #headLength(byte[])} bytes. */
    void writeHead(ByteBuffer out, byte[] hostLine) {
        out.put(requestLine).put(hostLine).put(headers);
        if (requestId != null) {
            out.put(REQUEST_ID);
            for (int i = 0; i < requestId.length(); i++) {
                out.put((byte) requestId.charAt(i));
            }
            out.put(CRLF);
        }
        if (body != null) {
            out.put(CONTENT_LENGTH);
            putDecimal(out, body.length);
            out.put(CRLF);
        }
        out.put(CRLF);
    }

    private static int digits(int value) {
        int digits = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static void putDecimal(ByteBuffer out, int value) {
        int start = out.position();
        int count = digits(value);
        for (int i = count - 1, rest = value; i >= 0; i--, rest /= 10) {
            out.put(start + i, (byte) ('0' + rest % 10));
        }
        out.position(start + count);
    }

    private static void checkToken(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("an empty method or header name");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("'" + token + "' is not a valid method or header name");
            }
        }
    }

    private static void checkValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
                throw new IllegalArgumentException("a header value or path holds a control character");
            }
        }
    }
}
