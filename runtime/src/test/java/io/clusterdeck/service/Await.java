package io.clusterdeck.service;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for something that happens soon, with a generous bound, and says how long it took. */
public final class Await {
    private Await() {
    }

    /** Milliseconds until the condition held; fails after the bound. */
    public static long until(String what, Duration bound, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (RuntimeException ignored) {
                // not yet: the service may still be starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + bound.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
