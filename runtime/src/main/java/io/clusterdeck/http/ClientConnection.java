package io.clusterdeck.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * One keep-alive HTTP/1.1 connection to an upstream, carrying one call at a time on its I/O thread. It writes the
 * request in one go, parses the response head in place, and hands the body to the call's sink.
 *
 * <p>A body that fits in one buffer reaches the handler whole, in a single {@link ResponseHandler#onResponse}, so a
 * connection cut before then can still be retried elsewhere; a larger body streams, and a reader that cannot keep
 * up pauses this connection's reads (back-pressure) instead of piling bytes up in memory.
 */
final class ClientConnection {
    private static final int NONE = 0;
    private static final int FIXED = 1;
    private static final int CHUNKED = 2;
    private static final int UNTIL_CLOSE = 3;

    private static final int CHUNK_SIZE = 0;
    private static final int CHUNK_DATA = 1;
    private static final int CHUNK_END = 2;
    private static final int TRAILER = 3;

    private final Lane lane;
    private final StreamConnection connection;
    private final ConduitStreamSourceChannel source;
    private final ConduitStreamSinkChannel sink;
    private final ByteBuffer[] out = new ByteBuffer[2];
    private final Runnable resume = this::resumed;
    private boolean closed;
    long idleSince;

    private ClientCall call;
    private ThreadBuffers buffers;
    private ByteBuffer in;
    private byte[] bytes;
    private int parsed;
    private int scanned;
    private int outCount;
    private boolean writing;
    private ResponseHead head;
    private int mode;
    private long remaining;
    private int chunkState;
    private boolean keepAlive;
    private boolean committed;
    private boolean paused;
    private boolean eof;
    private BodySink body;

    ClientConnection(Lane lane, StreamConnection connection) {
        this.lane = lane;
        this.connection = connection;
        this.source = connection.getSourceChannel();
        this.sink = connection.getSinkChannel();
        source.setReadListener(channel -> readable());
        sink.setWriteListener(channel -> flushRequest());
        connection.setCloseListener(channel -> {
            if (!closed) {
                failed(new EOFException("the connection to " + lane.upstream + " was closed"));
            }
        });
        source.resumeReads();
    }

    boolean usable() {
        return !closed && connection.isOpen();
    }

    void start(ClientCall next) {
        call = next;
        next.connection = this;
        head = null;
        committed = false;
        paused = false;
        eof = false;
        body = null;
        keepAlive = true;
        parsed = 0;
        scanned = 0;
        buffers = ThreadBuffers.current(lane.upstream.client().bufferSize());
        in = buffers.take();
        bytes = in.array();
        if (!writeRequest(next.request)) {
            return;
        }
        if (!source.isReadResumed()) {
            source.resumeReads();
        }
    }

    /** The call was cancelled: its answer will never be read, so the connection cannot carry another. */
    void abort() {
        call = null;
        close();
    }

    void upstreamDown() {
        if (call != null) {
            call.handler.onUpstreamDown();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseBuffers();
        IoUtils.safeClose(connection);
        lane.closed(this);
    }

    // Writing the request

    private boolean writeRequest(OutboundRequest request) {
        var head = buffers.out();
        var hostLine = lane.upstream.hostLine();
        if (request.headLength(hostLine) > head.capacity()) {
            failed(Failure.NOT_SENT, new IOException("the request head is over " + head.capacity() + " bytes"));
            return false;
        }
        request.writeHead(head, hostLine);
        var body = request.body();
        out[0] = head;
        outCount = 1;
        if (body != null && body.length <= head.remaining()) {
            head.put(body);
        } else if (body != null) {
            out[1] = ByteBuffer.wrap(body);
            outCount = 2;
        }
        head.flip();
        writing = true;
        if (!flushRequest()) {
            return false;
        }
        if (writing) {
            // The thread's write buffer serves the next call at once: what is left of it waits in a copy.
            var rest = ByteBuffer.allocate(out[0].remaining());
            rest.put(out[0]).flip();
            out[0] = rest;
        }
        return true;
    }

    private boolean flushRequest() {
        if (!writing) {
            sink.suspendWrites();
            return true;
        }
        try {
            long left;
            do {
                long written = sink.write(out, 0, outCount);
                left = out[outCount - 1].remaining() + (outCount == 2 ? out[0].remaining() : 0);
                if (written == 0 && left > 0) {
                    sink.resumeWrites();
                    return true;
                }
            } while (left > 0);
            if (!sink.flush()) {
                sink.resumeWrites();
                return true;
            }
            if (sink.isWriteResumed()) {
                sink.suspendWrites();
            }
            writing = false;
            out[0] = null;
            out[1] = null;
            return true;
        } catch (IOException e) {
            failed(e);
            return false;
        }
    }

    // Reading the response

    private void readable() {
        if (call == null) {
            idleReadable();
            return;
        }
        var current = call;
        try {
            while (call == current && !paused) {
                if (!in.hasRemaining() && !makeRoom()) {
                    return;
                }
                int read = source.read(in);
                if (read == 0) {
                    return;
                }
                if (read < 0) {
                    ended();
                    return;
                }
                process();
            }
        } catch (IOException e) {
            if (call == current) {
                failed(e);
            }
        }
    }

    /** An idle connection turned readable: the upstream closed it, or sent what nobody asked for. */
    private void idleReadable() {
        try {
            var probe = ByteBuffer.allocate(1);
            if (source.read(probe) != 0) {
                close();
            }
        } catch (IOException e) {
            close();
        }
    }

    private void ended() throws IOException {
        if (head != null && mode == UNTIL_CLOSE) {
            eof = true;
            if (!committed) {
                commit();
            }
            int from = parsed;
            parsed = in.position();
            if (call != null && deliver(from, parsed)) {
                finish();
            }
            return;
        }
        failed(new EOFException(head == null ? lane.upstream + " closed the connection without an answer"
                : lane.upstream + " closed the connection in the middle of an answer"));
    }

    private void process() throws IOException {
        while (head == null) {
            int end = headEnd();
            if (end < 0) {
                if (in.position() == in.capacity()) {
                    failed(Failure.BAD_RESPONSE, new IOException(lane.upstream + " answered a head over " + in.capacity() + " bytes"));
                }
                return;
            }
            head = ResponseHeads.parse(bytes, parsed, end, lane.upstream);
            parsed = end;
            scanned = end;
            if (head.status() >= 100 && head.status() < 200) {
                head = null;
                continue;
            }
            frame();
        }
        if (!committed) {
            boolean whole = mode == NONE || mode == FIXED && in.position() - parsed >= remaining;
            if (!whole && in.position() < in.capacity() && mode == FIXED) {
                return;
            }
            commit();
            if (call == null) {
                return;
            }
        }
        deliverBody();
    }

    private void commit() {
        committed = true;
        body = call.handler.onResponse(head);
    }

    private void frame() throws IOException {
        int status = head.status();
        var connectionHeader = head.header("Connection");
        keepAlive = ResponseHeads.keepAlive(head, connectionHeader);
        var transfer = head.header("Transfer-Encoding");
        var length = head.header("Content-Length");
        if (call.request.isHead() || status == 204 || status == 304) {
            mode = NONE;
        } else if (transfer != null) {
            if (!transfer.trim().toLowerCase(java.util.Locale.ROOT).endsWith("chunked")) {
                throw new ResponseHeads.BadResponse(lane.upstream + " answered an unknown Transfer-Encoding: " + transfer);
            }
            mode = CHUNKED;
            chunkState = CHUNK_SIZE;
            keepAlive &= length == null;
        } else if (length != null) {
            remaining = ResponseHeads.contentLength(head, lane.upstream);
            mode = remaining == 0 ? NONE : FIXED;
        } else {
            mode = UNTIL_CLOSE;
            keepAlive = false;
        }
    }

    private void deliverBody() throws IOException {
        switch (mode) {
            case NONE:
                finish();
                return;
            case FIXED: {
                int take = (int) Math.min(in.position() - parsed, remaining);
                int from = parsed;
                parsed += take;
                remaining -= take;
                if (take > 0 && !deliver(from, parsed)) {
                    return;
                }
                if (remaining == 0) {
                    finish();
                }
                return;
            }
            case CHUNKED:
                deliverChunks();
                return;
            default:
                int from = parsed;
                parsed = in.position();
                deliver(from, parsed);
        }
    }

    private void deliverChunks() throws IOException {
        while (call != null && !paused) {
            int available = in.position() - parsed;
            switch (chunkState) {
                case CHUNK_SIZE: {
                    int lineEnd = lineEnd(parsed);
                    if (lineEnd < 0) {
                        return;
                    }
                    remaining = ResponseHeads.chunkSize(bytes, parsed, lineEnd, lane.upstream);
                    parsed = lineEnd + 2;
                    chunkState = remaining == 0 ? TRAILER : CHUNK_DATA;
                    break;
                }
                case CHUNK_DATA: {
                    int take = (int) Math.min(available, remaining);
                    if (take == 0) {
                        return;
                    }
                    int from = parsed;
                    parsed += take;
                    remaining -= take;
                    if (remaining == 0) {
                        chunkState = CHUNK_END;
                    }
                    if (!deliver(from, parsed)) {
                        return;
                    }
                    break;
                }
                case CHUNK_END:
                    if (available < 2) {
                        return;
                    }
                    if (bytes[parsed] != '\r' || bytes[parsed + 1] != '\n') {
                        throw new ResponseHeads.BadResponse(lane.upstream + " answered a chunk without its CRLF");
                    }
                    parsed += 2;
                    chunkState = CHUNK_SIZE;
                    break;
                default: {
                    int lineEnd = lineEnd(parsed);
                    if (lineEnd < 0) {
                        return;
                    }
                    boolean last = lineEnd == parsed;
                    parsed = lineEnd + 2;
                    if (last) {
                        finish();
                        return;
                    }
                }
            }
        }
    }

    /** Offers bytes {@code from..to} of the buffer to the sink; false when the sink paused the connection. */
    private boolean deliver(int from, int to) throws IOException {
        if (body == null || from == to) {
            return true;
        }
        var view = in.duplicate();
        view.limit(to).position(from);
        if (body.accept(view, resume)) {
            return true;
        }
        paused = true;
        source.suspendReads();
        return false;
    }

    private void resumed() {
        if (!paused || call == null) {
            return;
        }
        paused = false;
        var current = call;
        try {
            if (mode == UNTIL_CLOSE && eof || mode == FIXED && remaining == 0) {
                finish();
                return;
            }
            if (mode != UNTIL_CLOSE) {
                deliverBody();
            }
            if (call == current && !paused) {
                source.resumeReads();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /** Makes room in a full buffer by dropping what was delivered; false (after failing) when nothing can go. */
    private boolean makeRoom() {
        if (parsed == 0) {
            failed(Failure.BAD_RESPONSE, new IOException(lane.upstream + " answered a line over " + in.capacity() + " bytes"));
            return false;
        }
        in.limit(in.position()).position(parsed);
        in.compact();
        scanned -= parsed;
        parsed = 0;
        return true;
    }

    private void finish() {
        var done = call;
        var sinkOfBody = body;
        boolean reusable = keepAlive && !writing && in.position() == parsed;
        call = null;
        body = null;
        releaseBuffers();
        if (!done.end()) {
            close();
            return;
        }
        if (reusable) {
            lane.release(this);
        } else {
            close();
        }
        if (sinkOfBody != null) {
            sinkOfBody.end();
        }
    }

    private void failed(IOException cause) {
        failed(committed ? Failure.CUT : writing ? Failure.NOT_SENT : Failure.NO_RESPONSE, cause);
    }

    private void failed(Failure failure, IOException cause) {
        var current = call;
        call = null;
        close();
        if (current != null) {
            current.fail(cause instanceof ResponseHeads.BadResponse ? Failure.BAD_RESPONSE : failure, cause);
        }
    }

    private void releaseBuffers() {
        if (in != null) {
            if (!paused) {
                buffers.give(in);
            }
            in = null;
            bytes = null;
        }
        out[0] = null;
        out[1] = null;
    }

    private int headEnd() {
        int end = in.position();
        var b = bytes;
        for (int i = Math.max(scanned, parsed + 3); i < end; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        scanned = Math.max(parsed, end);
        return -1;
    }

    /** The index of the CR of the next CRLF at or after {@code from}, or -1. */
    private int lineEnd(int from) {
        int end = in.position() - 1;
        var b = bytes;
        for (int i = from; i < end; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
