package io.clusterdeck.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 message as it comes off a socket in a test: its head's lines (the request or status line first) and the
 * body its {@code Content-Length} announces.
 */
public record WireMessage(List<String> head, byte[] body) {
    /** The next message on the stream; null when the stream ends before a whole head. */
    public static WireMessage read(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int last = 0;
        while (last != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = last << 8 | b;
        }
        var lines = List.of(head.toString(StandardCharsets.ISO_8859_1).split("\r\n"));
        int length = 0;
        for (var line : lines.subList(1, lines.size())) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new WireMessage(lines, in.readNBytes(length));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.ISO_8859_1);
    }
}
