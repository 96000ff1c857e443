package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.launch.FailoverReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's failover report of each fault, kept up to date from the event stream with bounded work. A fault's
 * report only looks at the events until the next fault (at most 30 s), so every fault but the latest is final: it
 * is kept as it is and its events are dropped.
 */
final class FaultReports {
    static final int SHOWN = 20;
    private static final int KEPT_EVENTS = 5_000;
    /** A report is final once its window has passed; a second more allows for events that arrive late. */
    private static final Duration SETTLED_AFTER = FailoverReport.WINDOW.plusSeconds(1);

    private final ArrayDeque<ClusterEvent> events = new ArrayDeque<>();
    private final List<FaultSummary> settled = new ArrayList<>();

    /** Keeps an event a report may need; says whether it was one. */
    boolean add(ClusterEvent event) {
        if (!FailoverReport.concerns(event.type())) {
            return false;
        }
        events.addLast(event);
        while (events.size() > KEPT_EVENTS) {
            events.removeFirst();
        }
        return true;
    }

    /** The reports, newest first, at most {@link #SHOWN}. */
    List<FaultSummary> refresh(Instant now) {
        var reports = FailoverReport.of(List.copyOf(events));
        FaultSummary open = null;
        for (int i = 0; i < reports.size(); i++) {
            var summary = FaultSummary.of(reports.get(i));
            if (i < reports.size() - 1 || summary.time().isBefore(now.minus(SETTLED_AFTER))) {
                settled.add(summary);
            } else {
                open = summary;
            }
        }
        while (settled.size() > SHOWN) {
            settled.remove(0);
        }
        var keepFrom = open == null ? null : open.time();
        while (!events.isEmpty() && (keepFrom == null || events.peekFirst().instant().isBefore(keepFrom))) {
            events.removeFirst();
        }
        var newestFirst = new ArrayList<FaultSummary>();
        if (open != null) {
            newestFirst.add(open);
        }
        for (int i = settled.size() - 1; i >= 0 && newestFirst.size() < SHOWN; i--) {
            newestFirst.add(settled.get(i));
        }
        return newestFirst;
    }

    /** Events kept for the open report. */
    int kept() {
        return events.size();
    }
}
