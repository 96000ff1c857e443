package io.clusterdeck.http;

import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Undertow's buffers, kept per thread: a buffer is taken from and given back to a stack of the calling thread, with
 * no lock and no weak map. A thread keeps a few dozen at most; the rest go to the garbage collector (direct ones
 * with their memory), so a burst does not leave memory held for good.
 */
final class ThreadBufferPool implements ByteBufferPool {
    private static final int KEPT_PER_THREAD = 32;

    private final boolean direct;
    private final int size;
    private final ThreadLocal<ArrayDeque<ByteBuffer>> stacks = ThreadLocal.withInitial(ArrayDeque::new);
    private final ThreadBufferPool arrayBacked;

    ThreadBufferPool(boolean direct, int size) {
        this.direct = direct;
        this.size = size;
        this.arrayBacked = direct ? new ThreadBufferPool(false, size) : this;
    }

    @Override
    public PooledByteBuffer allocate() {
        var buffer = stacks.get().pollLast();
        if (buffer == null) {
            buffer = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
        } else {
            buffer.clear();
        }
        return new Pooled(buffer);
    }

    @Override
    public ByteBufferPool getArrayBackedPool() {
        return arrayBacked;
    }

    @Override
    public void close() {
        // Buffers belong to the threads that hold them; nothing to release here.
    }

    @Override
    public int getBufferSize() {
        return size;
    }

    @Override
    public boolean isDirect() {
        return direct;
    }

    private final class Pooled implements PooledByteBuffer {
        private ByteBuffer buffer;

        Pooled(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public ByteBuffer getBuffer() {
            if (buffer == null) {
                throw new IllegalStateException("the buffer was given back");
            }
            return buffer;
        }

        @Override
        public void close() {
            var given = buffer;
            if (given == null) {
                return;
            }
            buffer = null;
            var stack = stacks.get();
            if (stack.size() < KEPT_PER_THREAD) {
                stack.addLast(given);
            }
        }

        @Override
        public boolean isOpen() {
            return buffer != null;
        }
    }
}
