package io.clusterdeck.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened in a cluster: seen by the gateway (workers and calls) or by a launcher (processes). */
public enum EventType {
    /** A worker registered with the gateway. */
    REGISTERED,
    /** A worker passed its health checks and takes calls. */
    HEALTHY,
    /** A call to a worker failed to connect or was reset: out of rotation until a health check passes. */
    SUSPECT,
    /** A worker failed its health checks in a row, or reported itself DOWN. */
    UNHEALTHY,
    /** The gateway forgot a worker that stayed unreachable. */
    REMOVED,
    /** A worker said goodbye on a graceful stop. */
    DEREGISTERED,
    /** A call was retried on another worker. */
    RETRIED,
    /** A call found no healthy worker for its function. */
    NO_WORKER,
    /** Calls waited for a worker of their segment, since the gateway had just started and knew none yet. */
    HELD,
    /** A call ran past its timeout. */
    TIMED_OUT,
    /** A process was started. */
    STARTED,
    /** A started process said it is ready: listening, and for a worker registered. */
    READY,
    /** A process exited. */
    EXITED,
    /** A process was restarted after it exited. */
    RESTARTED,
    /** A process kept exiting and is not restarted any more. */
    GAVE_UP,
    /** A fault was caused on purpose: a kill, a pause, a worker made unhealthy, added latency. */
    FAULT,
    /** A segment was scaled to another number of workers. */
    SCALED;

    /** {@code no-worker}, {@code gave-up}, ... */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static EventType of(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown event type '" + value + "'", e);
        }
    }
}
