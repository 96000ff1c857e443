package io.clusterdeck.service;

import io.clusterdeck.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when a test says so. */
public final class FakeClock implements Clock {
    private long nanos = 1_000_000_000L;
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");

    public synchronized void advance(Duration duration) {
        nanos += duration.toNanos();
        now = now.plus(duration);
    }

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }
}
