package io.clusterdeck.app.designer;

import io.clusterdeck.plan.PlannedProcess;

/** One process of the plan preview. */
public record PlanRow(String name, String role, String segment, int port, String url) {
    static PlanRow of(PlannedProcess process) {
        return new PlanRow(process.name(), process.role().json(), process.segment() == null ? "" : process.segment(),
                process.port(), process.url());
    }
}
