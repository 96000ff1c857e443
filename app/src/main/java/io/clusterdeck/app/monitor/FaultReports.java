package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.FailoverReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's failover report of each fault, kept up to date from the event stream with bounded work. A report
 * is final once nothing can change it any more ({@link FailoverReport#settlesAt()}): it is kept as it is, and the
 * events only older reports needed are dropped. A pause nobody resumed stays open, however long it lasts.
 */
final class FaultReports {
    static final int SHOWN = 20;
    private static final int KEPT_EVENTS = 5_000;
    /** A second more than the report's own rule allows for events that arrive late. */
    private static final Duration LATE = Duration.ofSeconds(1);

    private final LinkedList<ClusterEvent> events = new LinkedList<>();
    private final Map<ClusterEvent, FaultSummary> settled = new LinkedHashMap<>();

    /** Keeps an event a report may need; says whether it was one. */
    boolean add(ClusterEvent event) {
        if (!FailoverReport.concerns(event.type())) {
            return false;
        }
        events.addLast(event);
        if (events.size() > KEPT_EVENTS) {
            dropOldestNonFault();
        }
        return true;
    }

    /** The reports, newest first, at most {@link #SHOWN}. */
    List<FaultSummary> refresh(Instant now) {
        var open = new ArrayList<FaultSummary>();
        for (var report : FailoverReport.of(List.copyOf(events))) {
            if (settled.containsKey(report.fault())) {
                continue;
            }
            var summary = FaultSummary.of(report);
            if (report.settlesAt().isBefore(now.minus(LATE))) {
                settled.put(report.fault(), summary);
            } else {
                open.add(summary);
            }
        }
        while (settled.size() > SHOWN) {
            settled.remove(settled.keySet().iterator().next());
        }
        var keepFrom = open.isEmpty() ? null : open.get(0).time();
        while (!events.isEmpty() && (keepFrom == null || events.peekFirst().instant().isBefore(keepFrom))) {
            events.removeFirst();
        }
        var all = new ArrayList<>(open);
        all.addAll(settled.values());
        all.sort(Comparator.comparing(FaultSummary::time).reversed());
        return List.copyOf(all.subList(0, Math.min(SHOWN, all.size())));
    }

    /** Events kept for the open reports. */
    int kept() {
        return events.size();
    }

    /** Makes room without losing a fault an open report is about; the oldest other event goes. */
    private void dropOldestNonFault() {
        for (Iterator<ClusterEvent> it = events.iterator(); it.hasNext(); ) {
            if (it.next().type() != io.clusterdeck.event.EventType.FAULT) {
                it.remove();
                return;
            }
        }
        events.removeFirst();
    }
}
