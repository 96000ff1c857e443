package io.clusterdeck.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.conduits.ConduitStreamSinkChannel;

/**
 * Writes a connection's requests, one at a time: the head and a small body in one buffer and one write, a larger
 * body from its own array in the same gathering write; what the socket does not take at once is written when it is
 * writable again. Runs on the connection's I/O thread.
 */
final class RequestWriter {
    private final ConduitStreamSinkChannel sink;
    private final ByteBuffer[] out = new ByteBuffer[2];
    private int outCount;
    private boolean writing;

    RequestWriter(ConduitStreamSinkChannel sink) {
        this.sink = sink;
    }

    /** Whether a request is still being written: the upstream cannot have all of it yet. */
    boolean writing() {
        return writing;
    }

    /**
     * Starts writing a request from the thread's write buffer {@code head}; what the socket does not take at once
     * is kept in a copy, so the buffer serves the next call at once.
     *
     * @throws HeadTooLarge when the request's head does not fit in the buffer (nothing was sent)
     */
    void write(OutboundRequest request, ByteBuffer head, byte[] hostLine) throws IOException {
        if (request.headLength(hostLine) > head.capacity()) {
            throw new HeadTooLarge("the request head is over " + head.capacity() + " bytes");
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
        flush();
        if (writing) {
            var rest = ByteBuffer.allocate(out[0].remaining());
            rest.put(out[0]).flip();
            out[0] = rest;
        }
    }

    /** Writes what is left of the request; asks to hear when the socket is writable again if it did not take all. */
    void flush() throws IOException {
        if (!writing) {
            sink.suspendWrites();
            return;
        }
        long left;
        do {
            long written = sink.write(out, 0, outCount);
            left = out[outCount - 1].remaining() + (outCount == 2 ? out[0].remaining() : 0);
            if (written == 0 && left > 0) {
                sink.resumeWrites();
                return;
            }
        } while (left > 0);
        if (!sink.flush()) {
            sink.resumeWrites();
            return;
        }
        if (sink.isWriteResumed()) {
            sink.suspendWrites();
        }
        writing = false;
        release();
    }

    /** Lets go of the buffers of the request being written. */
    void release() {
        out[0] = null;
        out[1] = null;
    }

    /** A request whose head does not fit in a buffer: it was never sent. */
    static final class HeadTooLarge extends IOException {
        HeadTooLarge(String message) {
            super(message);
        }
    }
}
