package io.clusterdeck.service.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls the proxy holds while its upstream cannot be reached (a gateway restarting), bounded: a call that finds
 * the room full is refused at once with 503 and {@code Retry-After}, so a long outage cannot pile calls up.
 */
final class WaitingRoom {
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();

    WaitingRoom(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a waiting room holds at least one call, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Takes a place; false when every place is taken. */
    boolean enter() {
        while (true) {
            int now = waiting.get();
            if (now >= capacity) {
                return false;
            }
            if (waiting.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void leave() {
        waiting.decrementAndGet();
    }

    int waiting() {
        return waiting.get();
    }
}
