package io.clusterdeck.app.monitor;

import io.clusterdeck.launch.FailoverReport;
import java.time.Duration;
import java.time.Instant;

/**
 * What one fault cost, as the monitor shows it.
 *
 * @param detected  until the gateway took the worker out of rotation, or null if it has not (yet)
 * @param recovered until the worker served again, or null if it has not yet
 * @param lost      calls that failed because of it (no worker, timed out)
 */
public record FaultSummary(Instant time, String worker, String what, Duration detected, Duration recovered, int lost,
                           int retried) {

    static FaultSummary of(FailoverReport report) {
        var fault = report.fault();
        var what = fault.reason() == null ? "fault" : fault.reason().replaceAll(" \\(.*", "");
        return new FaultSummary(fault.instant(), fault.worker(), what, report.detected(), report.recovered(),
                report.failedCalls(), report.retried());
    }

    /** {@code kill worker-images-2: detected in 0.48 s · back after 2.30 s · 3 calls lost · 5 retried} */
    public String render() {
        return what + " " + worker + ": detected " + (detected == null ? "not yet" : "in " + seconds(detected))
                + " · " + (recovered == null ? "not back yet" : "back after " + seconds(recovered)) + " · " + lost
                + (lost == 1 ? " call lost" : " calls lost") + " · " + retried + " retried";
    }

    static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }
}
