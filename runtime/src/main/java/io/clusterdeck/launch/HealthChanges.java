package io.clusterdeck.launch;

/**
 * Counts the workers the gateways' event streams report healthy, so that a launcher waiting for healthy workers reads
 * a gateway's view when it may have changed instead of on a short timer. Reading the view of a gateway that is taking
 * in ten new processes costs both sides CPU the processes need; a change that no event reports (a stream that is
 * reconnecting) is still seen at the next read of the slow timer.
 */
final class HealthChanges {
    private long seen;

    /** A worker was reported healthy. */
    synchronized void healthy() {
        seen++;
        notifyAll();
    }

    /** How many were reported so far: what {@link #awaitAfter} waits to see exceeded. */
    synchronized long seen() {
        return seen;
    }

    /** Waits until more than {@code seen} were reported, or at most {@code maxMillis}. */
    synchronized void awaitAfter(long seen, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000;
        while (this.seen == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
