package io.clusterdeck.time;

import java.time.Instant;

/** Time, behind an interface so health checks, timeouts and backoff can be tested with a fake clock. */
public interface Clock {
    Clock SYSTEM = new Clock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };

    /** A monotonic reading for measuring durations. */
    long nanos();

    /** The wall-clock time, for timestamps. */
    Instant now();

    default long millis() {
        return nanos() / 1_000_000;
    }
}
