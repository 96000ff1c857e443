package io.clusterdeck.http;

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
}
