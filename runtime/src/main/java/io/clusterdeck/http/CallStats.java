package io.clusterdeck.http;

import java.util.concurrent.atomic.LongAdder;

/**
 * The calls of one function on one worker, counted without locks. A caller looks its stats up once and records
 * into them on every call: recording costs a few adds, and nothing is allocated.
 */
public final class CallStats {
    final String function;
    final String worker;
    final LongAdder ok = new LongAdder();
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder nanos = new LongAdder();

    CallStats(String function, String worker) {
        this.function = function;
        this.worker = worker;
    }

    /** One finished call: its status and how long it took. */
    public void record(int status, long durationNanos) {
        (status < 400 ? ok : status < 500 ? clientErrors : serverErrors).increment();
        nanos.add(durationNanos);
    }

    long count() {
        return ok.sum() + clientErrors.sum() + serverErrors.sum();
    }
}
