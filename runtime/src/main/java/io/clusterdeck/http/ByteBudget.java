package io.clusterdeck.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of request bodies a service may hold at once. A body is admitted only when its bytes fit; the
 * rest are refused at once with 503, so no number of callers can push a service past its heap.
 */
public final class ByteBudget {
    private final long limit;
    private final AtomicLong held = new AtomicLong();

    public ByteBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a byte budget must be positive, was " + limit);
        }
        this.limit = limit;
    }

    /** A budget of a share of this JVM's heap. */
    public static ByteBudget ofHeap(double share) {
        return new ByteBudget(Math.max(1024 * 1024, (long) (Runtime.getRuntime().maxMemory() * share)));
    }

    /** Takes bytes from the budget; false, taking nothing, when they do not fit. */
    public boolean tryTake(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > limit && now > 0) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void give(long bytes) {
        held.addAndGet(-bytes);
    }

    public long held() {
        return held.get();
    }

    public long limit() {
        return limit;
    }
}
