package io.clusterdeck.launch;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one fault did to the cluster, computed from the event stream alone.
 *
 * @param detected    from the fault until the gateway took the worker out of rotation, or null if it never did
 * @param errorsFor   from the fault until the last failed call it caused (zero when no call failed)
 * @param failedCalls calls the gateway could not serve (no worker, timed out) after the fault
 * @param retried     calls retried on another worker after the fault
 * @param recovered   from the fault until the worker served again (healthy), or null if it has not yet
 */
public record FailoverReport(ClusterEvent fault, Duration detected, Duration errorsFor, int failedCalls, int retried,
                             Duration recovered) {
    private static final Set<EventType> DETECTION = EnumSet.of(EventType.SUSPECT, EventType.UNHEALTHY,
            EventType.REMOVED, EventType.DEREGISTERED);
    private static final Set<EventType> FAILURE = EnumSet.of(EventType.NO_WORKER, EventType.TIMED_OUT);
    /** The longest a report looks after its fault. */
    public static final Duration WINDOW = Duration.ofSeconds(30);

    /** Whether events of this type can change a report: a caller that keeps events for reports keeps only these. */
    public static boolean concerns(EventType type) {
        return type == EventType.FAULT || type == EventType.HEALTHY || type == EventType.RETRIED
                || DETECTION.contains(type) || FAILURE.contains(type);
    }

    /** One report per fault in the events, each looking at the events until the next fault (at most 30 s). */
    public static List<FailoverReport> of(List<ClusterEvent> events) {
        var reports = new ArrayList<FailoverReport>();
        for (int i = 0; i < events.size(); i++) {
            var fault = events.get(i);
            if (fault.type() != EventType.FAULT || fault.worker() == null || fault.reason().startsWith("resume")) {
                continue;
            }
            reports.add(report(fault, after(events, i)));
        }
        return reports;
    }

    private static List<ClusterEvent> after(List<ClusterEvent> events, int index) {
        Instant start = events.get(index).instant();
        var window = new ArrayList<ClusterEvent>();
        for (int j = index + 1; j < events.size(); j++) {
            var event = events.get(j);
            if (event.type() == EventType.FAULT && !event.reason().startsWith("resume")
                    || event.instant().isAfter(start.plus(WINDOW))) {
                break;
            }
            window.add(event);
        }
        return window;
    }

    private static FailoverReport report(ClusterEvent fault, List<ClusterEvent> window) {
        Instant start = fault.instant();
        Duration detected = null;
        Duration recovered = null;
        Duration errorsFor = Duration.ZERO;
        int failed = 0;
        int retried = 0;
        for (var event : window) {
            boolean same = Objects.equals(event.worker(), fault.worker());
            var since = Duration.between(start, event.instant());
            if (detected == null && same && DETECTION.contains(event.type())) {
                detected = since;
            } else if (detected != null && recovered == null && same && event.type() == EventType.HEALTHY) {
                recovered = since;
            }
            boolean sameSegment = fault.segment() == null || Objects.equals(event.segment(), fault.segment());
            if (FAILURE.contains(event.type()) && sameSegment) {
                failed++;
                errorsFor = since;
            }
            if (event.type() == EventType.RETRIED && sameSegment) {
                retried++;
            }
        }
        return new FailoverReport(fault, detected, errorsFor, failed, retried, recovered);
    }

    /** One line: what was done, and what it cost. */
    public String render() {
        return fault.worker() + ": " + fault.reason() + ": detected " + (detected == null ? "never" : "in "
                + detected.toMillis() + " ms") + ", errors for " + errorsFor.toMillis() + " ms, " + failedCalls
                + " failed, " + retried + " retried, " + (recovered == null ? "not back yet"
                : "back after " + recovered.toMillis() + " ms");
    }
}
