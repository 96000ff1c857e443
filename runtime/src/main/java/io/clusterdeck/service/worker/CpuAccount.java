package io.clusterdeck.service.worker;

import java.util.concurrent.Executor;

/**
 * Charges the CPU time of each thread to the function it works for. {@link #enter} makes a function the current
 * one on this thread (charging the time so far to the one before it) and {@link #exit} gives the thread back, so a
 * function that calls another in-process is charged only its own share. Work a function hands to a
 * {@link #metered} executor is charged to it too.
 */
final class CpuAccount {
    private static final ThreadLocal<Current> CURRENT = ThreadLocal.withInitial(Current::new);

    /** The function this thread works for, and this thread's CPU time when it started to. */
    private static final class Current {
        FunctionMeter meter;
        long since;
    }

    private CpuAccount() {
    }

    /** Makes {@code meter} the function this thread works for; returns the one to give it back to. */
    static FunctionMeter enter(FunctionMeter meter) {
        var current = CURRENT.get();
        long now = ThreadCpu.nanos();
        var previous = current.meter;
        if (previous != null) {
            previous.addCpu(now - current.since);
        }
        current.meter = meter;
        current.since = now;
        return previous;
    }

    /** Charges this thread's time to the current function and gives the thread back to {@code previous}. */
    static void exit(FunctionMeter previous) {
        var current = CURRENT.get();
        long now = ThreadCpu.nanos();
        if (current.meter != null) {
            current.meter.addCpu(now - current.since);
        }
        current.meter = previous;
        current.since = now;
    }

    /** An executor whose tasks are charged to the function that handed them over. */
    static Executor metered(Executor executor) {
        return task -> {
            var meter = CURRENT.get().meter;
            if (meter == null) {
                executor.execute(task);
                return;
            }
            executor.execute(() -> {
                var previous = enter(meter);
                try {
                    task.run();
                } finally {
                    exit(previous);
                }
            });
        };
    }
}
