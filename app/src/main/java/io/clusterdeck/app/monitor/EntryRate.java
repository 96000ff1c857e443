package io.clusterdeck.app.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Calls a second entering the cluster from outside: from the entry's (the proxy's) counter once it can be read,
 * until then from what the traffic started here sends; NaN when neither is known.
 */
final class EntryRate {
    private double perSecond = Double.NaN;
    private long lastCalls = -1;
    private Instant lastTime;

    double perSecond() {
        return perSecond;
    }

    /** The entry's counter as a poll read it; an empty one changes nothing. */
    void counted(Instant taken, OptionalLong calls) {
        if (calls.isEmpty()) {
            return;
        }
        long now = calls.getAsLong();
        if (lastTime != null && now >= lastCalls) {
            double seconds = Math.max(0.05, Duration.between(lastTime, taken).toMillis() / 1000.0);
            perSecond = (now - lastCalls) / seconds;
        } else if (lastTime == null) {
            perSecond = 0;
        }
        lastCalls = now;
        lastTime = taken;
    }

    /** What the traffic sends, as long as the entry's counter has never been read. */
    void sent(TrafficModel traffic) {
        if (lastTime == null) {
            var sent = traffic.latestProperty().get();
            perSecond = traffic.runningProperty().get() ? sent.ok() + sent.errors() : Double.NaN;
        }
    }
}
