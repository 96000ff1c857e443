package io.clusterdeck.launch;

import java.time.Duration;
import java.util.Objects;

/**
 * Restart delays that double after each quick exit, and when to give up: a process that exits
 * {@code maxRestarts} times within {@code window} is in a crash loop.
 *
 * @param first       the delay before the first restart
 * @param max         the longest delay
 * @param stable      a process that ran this long is healthy again: its next delay starts from {@code first}
 * @param maxRestarts restarts allowed within {@code window}
 * @param window      the period restarts are counted in
 */
public record Backoff(Duration first, Duration max, Duration stable, int maxRestarts, Duration window) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10),
            Duration.ofSeconds(10), 5, Duration.ofSeconds(60));

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(window, "window");
        if (maxRestarts < 1) {
            throw new IllegalArgumentException("maxRestarts must be at least 1, was " + maxRestarts);
        }
    }

    /** The delay before restart number {@code attempt} (1-based) of a run of quick exits. */
    public Duration delay(int attempt) {
        long millis = first.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
