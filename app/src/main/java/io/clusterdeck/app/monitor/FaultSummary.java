package io.clusterdeck.app.monitor;

import io.clusterdeck.launch.FailoverReport;
import java.time.Duration;
import java.time.Instant;

/**
 * What one fault cost, as the monitor shows it.
 *
 * @param detected  until the gateway took the worker out of rotation, or null if it has not (yet)
 * @param recovered until the worker served again, or null if it has not yet
 * @param undone    until the fault was undone (resume, made healthy, latency removed), or null
 * @param lost      calls that failed because of it (no worker left, timed out on the worker)
 * @param closed    whether the worker is back, or the fault was undone before the gateway noticed it
 */
public record FaultSummary(Instant time, String worker, String what, Duration detected, Duration recovered,
                           Duration undone, int lost, int retried, boolean closed) {

    static FaultSummary of(FailoverReport report) {
        var fault = report.fault();
        var what = fault.reason() == null ? "fault" : fault.reason().replaceAll(" \\(.*", "");
        return new FaultSummary(fault.instant(), fault.worker(), what, report.detected(), report.recovered(),
                report.undone(), report.failedCalls(), report.retried(), report.closed());
    }

    /** {@code kill worker-images-2: detected in 0.48 s · back after 2.30 s · 3 calls lost · 5 retried} */
    public String render() {
        String detection;
        String outcome;
        if (detected == null && undone != null) {
            detection = "never out of rotation";
            outcome = "undone after " + seconds(undone);
        } else {
            detection = detected == null ? "not detected yet" : "detected in " + seconds(detected);
            outcome = recovered != null ? "back after " + seconds(recovered)
                    : undone != null ? "undone after " + seconds(undone) + ", not back yet" : "not back yet";
        }
        return what + " " + worker + ": " + detection + " · " + outcome + " · " + lost
                + (lost == 1 ? " call lost" : " calls lost") + " · " + retried + " retried";
    }

    /** When the worker was back, or the fault undone; null while it is not. */
    public Instant closedAt() {
        if (recovered != null) {
            return time.plus(recovered);
        }
        return closed && undone != null ? time.plus(undone) : null;
    }

    static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }
}
