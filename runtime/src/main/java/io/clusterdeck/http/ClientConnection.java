package io.clusterdeck.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * One keep-alive HTTP/1.1 connection to an upstream, carrying one call at a time on its I/O thread. It writes the
 * request in one go, parses the response head in place, and hands the body to the call's sink.
 *
 * <p>A body that fits in one buffer reaches the handler whole, in a single {@link ResponseHandler#onResponse}, so a
 * connection cut before then can still be retried elsewhere; a larger body streams, and a reader that cannot keep
 * up pauses this connection's reads (back-pressure) instead of piling bytes up in memory.
 */
final class ClientConnection implements BodyFraming.Chunks {
    private final Lane lane;
    private final StreamConnection connection;
    private final ConduitStreamSourceChannel source;
    private final RequestWriter writer;
    private final Runnable resume = this::resumed;
    private boolean closed;
    long idleSince;

    private ClientCall call;
    private ThreadBuffers buffers;
    private ByteBuffer in;
    private byte[] bytes;
    private int parsed;
    private int scanned;
    private ResponseHead head;
    private final BodyFraming framing = new BodyFraming();
    private boolean committed;
    private boolean paused;
    private boolean eof;
    private BodySink body;

    ClientConnection(Lane lane, StreamConnection connection) {
        this.lane = lane;
        this.connection = connection;
        this.source = connection.getSourceChannel();
        var sink = connection.getSinkChannel();
        this.writer = new RequestWriter(sink);
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
        framing.keepAlive = true;
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
        try {
            writer.write(request, buffers.out(), lane.upstream.hostLine());
            return true;
        } catch (RequestWriter.HeadTooLarge e) {
            failed(Failure.NOT_SENT, e);
            return false;
        } catch (IOException e) {
            failed(e);
            return false;
        }
    }

    private void flushRequest() {
        try {
            writer.flush();
        } catch (IOException e) {
            failed(e);
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
        if (head != null && framing.mode == BodyFraming.UNTIL_CLOSE) {
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
            framing.frame(head, call.request.isHead(), lane.upstream);
        }
        if (!committed) {
            boolean whole = framing.mode == BodyFraming.NONE
                    || framing.mode == BodyFraming.FIXED && in.position() - parsed >= framing.remaining;
            if (!whole && in.position() < in.capacity() && framing.mode == BodyFraming.FIXED) {
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


    private void deliverBody() throws IOException {
        switch (framing.mode) {
            case BodyFraming.NONE:
                finish();
                return;
            case BodyFraming.FIXED: {
                int take = (int) Math.min(in.position() - parsed, framing.remaining);
                int from = parsed;
                parsed += take;
                framing.remaining -= take;
                if (take > 0 && !deliver(from, parsed)) {
                    return;
                }
                if (framing.remaining == 0) {
                    finish();
                }
                return;
            }
            case BodyFraming.CHUNKED:
                framing.readChunks(this, lane.upstream);
                return;
            default:
                int from = parsed;
                parsed = in.position();
                deliver(from, parsed);
        }
    }

    // The receive buffer as a chunked body's reading walks it

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int filled() {
        return in.position();
    }

    @Override
    public int parsed() {
        return parsed;
    }

    @Override
    public void parsed(int to) {
        parsed = to;
    }

    @Override
    public boolean delivering() {
        return call != null && !paused;
    }

    /** Offers bytes {@code from..to} of the buffer to the sink; false when the sink paused the connection. */
    @Override
    public boolean deliver(int from, int to) throws IOException {
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
            if (framing.mode == BodyFraming.UNTIL_CLOSE && eof
                    || framing.mode == BodyFraming.FIXED && framing.remaining == 0) {
                finish();
                return;
            }
            if (framing.mode != BodyFraming.UNTIL_CLOSE) {
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

    @Override
    public void finish() {
        var done = call;
        var sinkOfBody = body;
        boolean reusable = framing.keepAlive && !writer.writing() && in.position() == parsed;
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
        failed(committed ? Failure.CUT : writer.writing() ? Failure.NOT_SENT : Failure.NO_RESPONSE, cause);
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
        writer.release();
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
}
