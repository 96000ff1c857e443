package io.clusterdeck.http;

import java.nio.charset.StandardCharsets;

/** A whole response, its body read into memory. */
public record BufferedResponse(ResponseHead head, byte[] body) {
    public int status() {
        return head.status();
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return head.header(name);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
