package io.clusterdeck.http;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * The client's buffers, kept per I/O thread: every call runs on one thread from start to end, so taking and giving
 * back a buffer is a push and a pop, with no lock. Requests are written from one direct buffer per thread, which
 * is free again as soon as the write returns; answers are read into heap buffers, parsed in place from their arrays.
 */
final class ThreadBuffers {
    private static final int KEPT = 64;
    private static final ThreadLocal<ThreadBuffers> OF_THREAD = new ThreadLocal<>();

    private final int size;
    private final ByteBuffer out;
    private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

    private ThreadBuffers(int size) {
        this.size = size;
        this.out = ByteBuffer.allocateDirect(size);
    }

    /** The buffers of the calling thread. */
    static ThreadBuffers current(int size) {
        var buffers = OF_THREAD.get();
        if (buffers == null) {
            buffers = new ThreadBuffers(size);
            OF_THREAD.set(buffers);
        }
        return buffers;
    }

    /** The thread's write buffer, cleared; it must be written out (or copied) before the thread moves on. */
    ByteBuffer out() {
        out.clear();
        return out;
    }

    /** A cleared heap buffer for reading an answer. */
    ByteBuffer take() {
        var buffer = free.pollLast();
        if (buffer == null) {
            return ByteBuffer.allocate(size);
        }
        buffer.clear();
        return buffer;
    }

    /** Gives a read buffer back; beyond a few dozen, it is left to the garbage collector. */
    void give(ByteBuffer buffer) {
        if (free.size() < KEPT) {
            free.addLast(buffer);
        }
    }
}
