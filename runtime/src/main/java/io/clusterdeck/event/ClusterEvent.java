package io.clusterdeck.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened in a cluster, as the live panel shows it. As JSON (one SSE {@code data:} line):
 * {@code {"time":"2026-01-01T10:00:00.123Z","type":"unhealthy","source":"gateway","worker":"worker-orders-1",
 * "segment":"orders","reason":"2 failed health checks in 1000 ms"}}.
 *
 * @param time    when it happened, an ISO-8601 instant
 * @param source  the service (or launcher) that saw it
 * @param worker  the worker or process it is about, or null
 * @param segment that worker's segment, or null
 * @param reason  why, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterEvent(String time, EventType type, String source, String worker, String segment, String reason) {
    public ClusterEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Instant.parse(time);
    }

    public static ClusterEvent of(Instant time, EventType type, String source, String worker, String segment,
                                  String reason) {
        return new ClusterEvent(time.toString(), type, source, worker, segment, reason);
    }

    public Instant instant() {
        return Instant.parse(time);
    }
}
