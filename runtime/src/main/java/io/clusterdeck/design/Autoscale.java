package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/** Asks production for a horizontal autoscaler on a segment's workers. */
public record Autoscale(Integer minWorkers, Integer maxWorkers, Integer cpuPercent) {
    public Autoscale {
        cpuPercent = cpuPercent == null ? 70 : cpuPercent;
        var checks = new Checks();
        if (checks.present("minWorkers", minWorkers)) {
            checks.between("minWorkers", minWorkers, 1, WorkerCount.MAX);
        }
        if (checks.present("maxWorkers", maxWorkers)) {
            checks.between("maxWorkers", maxWorkers, 1, WorkerCount.MAX);
        }
        checks.between("cpuPercent", cpuPercent, 1, 100);
        if (minWorkers != null && maxWorkers != null && maxWorkers < minWorkers) {
            checks.fail("maxWorkers", "must be at least minWorkers (" + minWorkers + "), was " + maxWorkers);
        }
        checks.throwIfAny();
    }
}
