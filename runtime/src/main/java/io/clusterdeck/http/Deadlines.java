package io.clusterdeck.http;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioIoThread;

/**
 * Deadlines of one length for calls that each live on one I/O thread. Every call gets the same length, so on
 * each thread they expire in the order they began: a queue in that order and one timer for its head replace a
 * timer per call (a sorted insert, a removal and their locks).
 */
public final class Deadlines {
    private final long lengthNanos;
    private final ThreadLocal<Queue> queues = ThreadLocal.withInitial(Queue::new);

    public Deadlines(long lengthMillis) {
        if (lengthMillis < 1) {
            throw new IllegalArgumentException("a deadline must be at least 1 ms, was " + lengthMillis);
        }
        this.lengthNanos = TimeUnit.MILLISECONDS.toNanos(lengthMillis);
    }

    public long lengthMillis() {
        return TimeUnit.NANOSECONDS.toMillis(lengthNanos);
    }

    /** Starts a deadline on the calling thread, which must be {@code thread}; {@code expired} runs there if it passes. */
    public Deadline start(XnioIoThread thread, Runnable expired) {
        var deadline = new Deadline(System.nanoTime() + lengthNanos, expired);
        queues.get().add(thread, deadline);
        return deadline;
    }

    /** One call's deadline; cancel it when the call ends. */
    public static final class Deadline {
        private final long at;
        private Runnable expired;

        private Deadline(long at, Runnable expired) {
            this.at = at;
            this.expired = expired;
        }

        /** What is left of it, in milliseconds (0 or less once passed). */
        public long remainingMillis() {
            return TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime());
        }

        /** The call ended in time: the deadline will not fire, and lets go of the call at once. */
        public void cancel() {
            expired = null;
        }
    }

    /** The deadlines of one thread, oldest first. */
    private static final class Queue {
        private final ArrayDeque<Deadline> waiting = new ArrayDeque<>();
        private boolean armed;
        private XnioIoThread thread;

        void add(XnioIoThread on, Deadline deadline) {
            thread = on;
            // Calls mostly end in the order they began: drop the ended ones at the head as new ones come.
            while (!waiting.isEmpty() && waiting.peekFirst().expired == null) {
                waiting.pollFirst();
            }
            waiting.addLast(deadline);
            if (!armed) {
                arm(deadline.at);
            }
        }

        private void arm(long at) {
            armed = true;
            long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime() + 999_999));
            thread.executeAfter(this::fire, millis, TimeUnit.MILLISECONDS);
        }

        private void fire() {
            armed = false;
            long now = System.nanoTime();
            while (!waiting.isEmpty()) {
                var head = waiting.peekFirst();
                if (head.expired != null && head.at > now) {
                    arm(head.at);
                    return;
                }
                waiting.pollFirst();
                var expired = head.expired;
                head.expired = null;
                if (expired != null) {
                    expired.run();
                }
            }
        }
    }
}
