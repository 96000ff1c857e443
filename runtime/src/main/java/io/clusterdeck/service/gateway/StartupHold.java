package io.clusterdeck.service.gateway;

import io.clusterdeck.event.EventType;
import io.clusterdeck.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioIoThread;

/**
 * A gateway that has just started knows no worker yet: its workers register again only once they notice its health
 * checks. For a short while after its start, a call that finds no worker in its segment is held until one joins
 * (or the hold ends, or the call's own deadline), instead of failing with {@code no_worker}. When the held calls of
 * a segment go on, one event says how many waited and for how long.
 */
final class StartupHold {
    private final long endNanos;
    private final WorkerRegistry registry;
    private final Map<String, List<Held>> waiting = new HashMap<>();
    private final Clock clock;

    private record Held(Runnable resume, XnioIoThread thread, long sinceNanos) {
    }

    /** @param lengthMs how long after now calls may be held */
    StartupHold(long lengthMs, WorkerRegistry registry, XnioIoThread timer, Clock clock) {
        this.clock = clock;
        this.endNanos = clock.nanos() + TimeUnit.MILLISECONDS.toNanos(lengthMs);
        this.registry = registry;
        timer.executeAfter(this::end, lengthMs, TimeUnit.MILLISECONDS);
    }

    /** How long calls may be held after a start: as long as workers take to notice a silent gateway, and some. */
    static long lengthMs(long healthCheckIntervalMs) {
        return Math.max(5_000, 10 * healthCheckIntervalMs);
    }

    /**
     * Holds a call of a segment with no worker; {@code resume} runs on {@code thread} once a worker joins or the hold
     * ends. False when the hold is over: the call must fail now.
     */
    boolean hold(String segment, XnioIoThread thread, Runnable resume) {
        long now = clock.nanos();
        synchronized (this) {
            if (now - endNanos >= 0) {
                return false;
            }
            waiting.computeIfAbsent(segment, s -> new ArrayList<>()).add(new Held(resume, thread, now));
            return true;
        }
    }

    /** A worker of the segment is in rotation: its held calls go on. */
    void joined(String segment) {
        List<Held> calls;
        synchronized (this) {
            if (waiting.isEmpty()) {
                return;
            }
            calls = waiting.remove(segment);
        }
        if (calls != null) {
            release(segment, calls, "until a worker of the segment registered");
        }
    }

    private void end() {
        Map<String, List<Held>> left;
        synchronized (this) {
            left = new HashMap<>(waiting);
            waiting.clear();
        }
        left.forEach((segment, calls) -> release(segment, calls, "and no worker of the segment registered meanwhile"));
    }

    private void release(String segment, List<Held> calls, String how) {
        long now = clock.nanos();
        long longestMs = TimeUnit.NANOSECONDS.toMillis(now - calls.get(0).sinceNanos());
        registry.publish(EventType.HELD, null, segment, "held " + calls.size() + (calls.size() == 1 ? " call" : " calls")
                + " for up to " + longestMs + " ms after the gateway started, " + how);
        for (var call : calls) {
            call.thread().execute(call.resume());
        }
    }
}
