package io.clusterdeck.app.monitor;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.FailoverReport;
import java.time.Instant;

/** One event placed on the timeline: when, what, about whom, on which lane. */
public record TimelineEntry(Instant time, EventType type, String subject, String reason, Lane lane) {

    /** The timeline's rows, top to bottom. */
    public enum Lane {
        FAULTS("Faults"), HEALTH("Health"), PROCESSES("Processes"), CALLS("Calls");

        private final String title;

        Lane(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    static TimelineEntry of(ClusterEvent event) {
        var subject = event.worker() != null ? event.worker() : event.segment() != null ? event.segment() : event.source();
        return new TimelineEntry(event.instant(), event.type(), subject, event.reason(), lane(event.type()));
    }

    static Lane lane(EventType type) {
        switch (type) {
            case FAULT:
                return Lane.FAULTS;
            case REGISTERED:
            case HEALTHY:
            case SUSPECT:
            case UNHEALTHY:
            case REMOVED:
            case DEREGISTERED:
                return Lane.HEALTH;
            case RETRIED:
            case NO_WORKER:
            case HELD:
            case TIMED_OUT:
                return Lane.CALLS;
            default:
                return Lane.PROCESSES;
        }
    }

    /** Whether this undoes an earlier fault (a resume, made healthy, latency removed) rather than causing one. */
    public boolean undoes() {
        return type == EventType.FAULT && FailoverReport.undoes(
                io.clusterdeck.event.ClusterEvent.of(time, type, "launcher", subject, null, reason));
    }

    /** A few words for a label next to the mark. */
    public String caption() {
        if (type == EventType.FAULT) {
            var what = reason == null ? "fault" : reason.replaceAll(" \\(.*", "");
            return what + " " + subject;
        }
        return type.json() + " " + subject;
    }
}
