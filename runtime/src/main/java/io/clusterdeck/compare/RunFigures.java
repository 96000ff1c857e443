package io.clusterdeck.compare;

import io.clusterdeck.load.LoadReport.FunctionLatency;
import java.util.Map;

/**
 * What one measured run of one design gave. Latency is measured by the load generator, from when each call was
 * due until its answer: every hop on the way counts.
 *
 * @param label          "A" or "B"
 * @param hopsPerCall    calls between functions that crossed the gateway, per call the load made
 * @param cpuMsPerCall   CPU time of every process of the cluster over the run, per call the load made
 * @param memoryMb       memory every process of the cluster holds (proportional shares, see ProcessMemory) at the end of the run
 */
public record RunFigures(String label, String design, int repeat, double answeredPerSecond, long ok, long failed,
                         double p50Ms, double p99Ms, double p999Ms, Map<String, FunctionLatency> byFunction,
                         double hopsPerCall, double cpuMsPerCall, double memoryMb) {
    public RunFigures {
        byFunction = Map.copyOf(byFunction);
    }
}
