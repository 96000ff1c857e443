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
 * What one fault did to the cluster, computed from the event stream alone. Undoing a fault (a resume, a worker made
 * healthy again, added latency removed) is no fault of its own: it belongs to the report of the fault it undoes.
 * A fault on a worker is detected when the gateway takes it out of rotation and over when it is healthy again; a
 * fault on a service of no segment (the gateway, the proxy, the repository) is detected when its process exits and
 * over when its replacement is ready.
 *
 * @param detected    from the fault until the gateway took the worker out of rotation (for a service: until its
 *                    process exited), or null if it never did
 * @param errorsFor   from the fault until the last failed call it caused (zero when no call failed)
 * @param failedCalls calls the fault cost: no worker left in the segment, or timed out on the faulty worker
 * @param retried     calls retried on another worker after the fault
 * @param recovered   from the fault until the worker served again (healthy), or null if it has not yet
 * @param undone      from the fault until it was undone, or null if it was not (or cannot be)
 * @param superseded  whether a later fault hit the same worker, which ends this report's story of it
 */
public record FailoverReport(ClusterEvent fault, Duration detected, Duration errorsFor, int failedCalls, int retried,
                             Duration recovered, Duration undone, boolean superseded) {
    private static final Set<EventType> DETECTION = EnumSet.of(EventType.SUSPECT, EventType.UNHEALTHY,
            EventType.REMOVED, EventType.DEREGISTERED);
    /**
     * The longest a report looks after its fault, or after the undoing of its fault: calls that fail later are
     * not counted against it.
     */
    public static final Duration WINDOW = Duration.ofSeconds(30);

    /** Whether events of this type can change a report: a caller that keeps events for reports keeps only these. */
    public static boolean concerns(EventType type) {
        return type == EventType.FAULT || type == EventType.HEALTHY || type == EventType.RETRIED
                || DETECTION.contains(type) || type == EventType.NO_WORKER || type == EventType.TIMED_OUT
                || type == EventType.EXITED || type == EventType.READY;
    }

    /** Whether a fault event undoes an earlier fault instead of causing one. */
    public static boolean undoes(ClusterEvent event) {
        var reason = event.reason() == null ? "" : event.reason();
        return event.type() == EventType.FAULT && (reason.startsWith("resume") || reason.startsWith("made healthy")
                || reason.startsWith("latency removed"));
    }

    private static boolean undoes(ClusterEvent undo, ClusterEvent fault) {
        var reason = fault.reason() == null ? "" : fault.reason();
        var undoing = undo.reason();
        return reason.startsWith("pause") ? undoing.startsWith("resume")
                : reason.startsWith("made unhealthy") ? undoing.startsWith("made healthy")
                : reason.startsWith("latency +") && undoing.startsWith("latency removed");
    }

    /** One report per fault in the events, oldest first. */
    public static List<FailoverReport> of(List<ClusterEvent> events) {
        var reports = new ArrayList<FailoverReport>();
        Instant[] times = null;
        for (int i = 0; i < events.size(); i++) {
            var fault = events.get(i);
            if (fault.type() == EventType.FAULT && fault.worker() != null && !undoes(fault)) {
                if (times == null) {
                    // Parsed once: a report may read every later event.
                    times = events.stream().map(ClusterEvent::instant).toArray(Instant[]::new);
                }
                reports.add(report(events, times, i));
            }
        }
        return reports;
    }

    /**
     * The worker's story (detection, undoing, recovery) runs until the next fault of the same worker; calls are
     * counted until the next fault in the same segment. Both stop {@link #WINDOW} after the fault or its undoing.
     */
    private static FailoverReport report(List<ClusterEvent> events, Instant[] times, int index) {
        var fault = events.get(index);
        Instant start = times[index];
        Instant end = start.plus(WINDOW);
        Duration detected = null;
        Duration recovered = null;
        Duration undone = null;
        Duration errorsFor = Duration.ZERO;
        int failed = 0;
        int retried = 0;
        boolean workerStory = true;
        boolean segmentCalls = true;
        boolean superseded = false;
        boolean service = fault.segment() == null;
        var detection = service ? EnumSet.of(EventType.EXITED) : DETECTION;
        var recovery = service ? EventType.READY : EventType.HEALTHY;
        for (int j = index + 1; j < events.size(); j++) {
            var event = events.get(j);
            boolean same = Objects.equals(event.worker(), fault.worker());
            boolean sameSegment = fault.segment() == null || Objects.equals(event.segment(), fault.segment());
            if (event.type() == EventType.FAULT && !undoes(event)) {
                superseded |= same;
                workerStory &= !same;
                segmentCalls &= !sameSegment;
                if (superseded) {
                    break;
                }
                continue;
            }
            if (event.type() == EventType.FAULT) {
                // Undone however late: the worker's story goes on until then.
                if (workerStory && same && undone == null && undoes(event, fault)) {
                    undone = Duration.between(start, times[j]);
                    end = times[j].plus(WINDOW);
                }
                continue;
            }
            if (times[j].isAfter(end)) {
                if (undone != null || !awaitsUndo(fault)) {
                    break;
                }
                continue;
            }
            var since = Duration.between(start, times[j]);
            if (workerStory && same) {
                if (detected == null && detection.contains(event.type())) {
                    detected = since;
                } else if (recovered == null && event.type() == recovery && (detected != null || undone != null)) {
                    recovered = since;
                }
            }
            if (segmentCalls && sameSegment) {
                if (event.type() == EventType.NO_WORKER || event.type() == EventType.TIMED_OUT && same) {
                    failed++;
                    errorsFor = since;
                } else if (event.type() == EventType.RETRIED) {
                    retried++;
                }
            }
        }
        return new FailoverReport(fault, detected, errorsFor, failed, retried, recovered, undone, superseded);
    }

    /** Whether the fault lasts until someone undoes it: a pause, a health flag, added latency. */
    public boolean awaitsUndo() {
        return awaitsUndo(fault);
    }

    private static boolean awaitsUndo(ClusterEvent fault) {
        var reason = fault.reason() == null ? "" : fault.reason();
        return reason.startsWith("pause") || reason.startsWith("made unhealthy") || reason.startsWith("latency +");
    }

    /** Whether the worker is back: serving again, or the fault was undone before the gateway noticed it. */
    public boolean closed() {
        return recovered != null || detected == null && undone != null;
    }

    /**
     * When nothing can change this report any more: its window after the fault or its undoing has passed. A fault
     * that waits to be undone and was not, and is not closed, never settles.
     */
    public Instant settlesAt() {
        if (awaitsUndo() && undone == null && !closed() && !superseded) {
            return Instant.MAX;
        }
        return fault.instant().plus(undone == null ? Duration.ZERO : undone).plus(WINDOW);
    }

    /** One line: what was done, and what it cost. */
    public String render() {
        String outcome;
        if (recovered != null) {
            outcome = "back after " + recovered.toMillis() + " ms";
        } else if (undone != null && detected == null) {
            outcome = "undone after " + undone.toMillis() + " ms, never out of rotation";
        } else if (undone != null) {
            outcome = "undone after " + undone.toMillis() + " ms, not back yet";
        } else {
            outcome = "not back yet";
        }
        return fault.worker() + ": " + fault.reason() + ": detected " + (detected == null ? "never" : "in "
                + detected.toMillis() + " ms") + ", errors for " + errorsFor.toMillis() + " ms, " + failedCalls
                + " failed, " + retried + " retried, " + outcome;
    }
}
