package io.clusterdeck.http;

import java.io.IOException;
import java.util.Locale;

/**
 * How a response's body is framed, from its head (RFC 9112 section 6): none, a fixed length, chunks, or until the
 * connection closes; and whether the connection may carry another call. One per connection, set again for every
 * response, so reading a response allocates nothing for it.
 */
final class BodyFraming {
    static final int NONE = 0;
    static final int FIXED = 1;
    static final int CHUNKED = 2;
    static final int UNTIL_CLOSE = 3;

    static final int CHUNK_SIZE = 0;
    static final int CHUNK_DATA = 1;
    static final int CHUNK_END = 2;
    static final int TRAILER = 3;

    /** One of {@link #NONE}, {@link #FIXED}, {@link #CHUNKED}, {@link #UNTIL_CLOSE}. */
    int mode;
    /** Bytes left of a fixed body, or of the current chunk. */
    long remaining;
    /** Where a chunked body's reading is: one of {@link #CHUNK_SIZE} ... {@link #TRAILER}. */
    int chunkState;
    boolean keepAlive;

    /** Frames the body of {@code head}, the answer to a HEAD request when {@code headRequest}. */
    void frame(ResponseHead head, boolean headRequest, Upstream upstream) throws ResponseHeads.BadResponse {
        int status = head.status();
        keepAlive = ResponseHeads.keepAlive(head, head.header("Connection"));
        var transfer = head.header("Transfer-Encoding");
        var length = head.header("Content-Length");
        if (headRequest || status == 204 || status == 304) {
            mode = NONE;
        } else if (transfer != null) {
            if (!transfer.trim().toLowerCase(Locale.ROOT).endsWith("chunked")) {
                throw new ResponseHeads.BadResponse(upstream + " answered an unknown Transfer-Encoding: " + transfer);
            }
            mode = CHUNKED;
            chunkState = CHUNK_SIZE;
            keepAlive &= length == null;
        } else if (length != null) {
            remaining = ResponseHeads.contentLength(head, upstream);
            mode = remaining == 0 ? NONE : FIXED;
        } else {
            mode = UNTIL_CLOSE;
            keepAlive = false;
        }
    }

    /** A connection's receive buffer as the reading of a chunked body walks it. */
    interface Chunks {
        /** The buffer's bytes; those before {@link #filled()} were received. */
        byte[] bytes();

        int filled();

        /** Where reading has got to in the buffer. */
        int parsed();

        void parsed(int to);

        /** Whether the body still goes somewhere: the call is on and its sink has not paused the connection. */
        boolean delivering();

        /** Offers bytes {@code from..to} to the call's sink; false when the sink paused the connection. */
        boolean deliver(int from, int to) throws IOException;

        /** The body ended. */
        void finish();
    }

    /** Reads as much of a chunked body as the buffer holds: sizes, data (delivered), CRLFs and the trailer. */
    void readChunks(Chunks in, Upstream upstream) throws IOException {
        while (in.delivering()) {
            int parsed = in.parsed();
            int available = in.filled() - parsed;
            switch (chunkState) {
                case CHUNK_SIZE: {
                    int lineEnd = ResponseHeads.lineEnd(in.bytes(), parsed, in.filled());
                    if (lineEnd < 0) {
                        return;
                    }
                    remaining = ResponseHeads.chunkSize(in.bytes(), parsed, lineEnd, upstream);
                    in.parsed(lineEnd + 2);
                    chunkState = remaining == 0 ? TRAILER : CHUNK_DATA;
                    break;
                }
                case CHUNK_DATA: {
                    int take = (int) Math.min(available, remaining);
                    if (take == 0) {
                        return;
                    }
                    in.parsed(parsed + take);
                    remaining -= take;
                    if (remaining == 0) {
                        chunkState = CHUNK_END;
                    }
                    if (!in.deliver(parsed, parsed + take)) {
                        return;
                    }
                    break;
                }
                case CHUNK_END:
                    if (available < 2) {
                        return;
                    }
                    if (in.bytes()[parsed] != '\r' || in.bytes()[parsed + 1] != '\n') {
                        throw new ResponseHeads.BadResponse(upstream + " answered a chunk without its CRLF");
                    }
                    in.parsed(parsed + 2);
                    chunkState = CHUNK_SIZE;
                    break;
                default: {
                    int lineEnd = ResponseHeads.lineEnd(in.bytes(), parsed, in.filled());
                    if (lineEnd < 0) {
                        return;
                    }
                    in.parsed(lineEnd + 2);
                    if (lineEnd == parsed) {
                        in.finish();
                        return;
                    }
                }
            }
        }
    }
}
