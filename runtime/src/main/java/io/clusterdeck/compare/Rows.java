package io.clusterdeck.compare;

import io.clusterdeck.compare.Comparison.Row;
import io.clusterdeck.load.LoadReport.FunctionLatency;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The rows of a comparison: per figure, the median of each design's runs. */
final class Rows {
    private Rows() {
    }

    static List<Row> of(List<RunFigures> runs, List<String> functions) {
        var a = runs.stream().filter(r -> r.label().equals("A")).toList();
        var b = runs.stream().filter(r -> r.label().equals("B")).toList();
        var rows = new ArrayList<Row>();
        rows.add(row("answered calls/s", a, b, RunFigures::answeredPerSecond, false));
        rows.add(row("failed calls", a, b, r -> r.failed(), true));
        rows.add(row("p50 ms", a, b, RunFigures::p50Ms, true));
        rows.add(row("p99 ms", a, b, RunFigures::p99Ms, true));
        rows.add(row("p99.9 ms", a, b, RunFigures::p999Ms, true));
        for (var function : functions) {
            rows.add(row(Comparison.latencyFigure("p50", function), a, b, r -> latency(r, function).p50Ms(), true));
            rows.add(row(Comparison.latencyFigure("p99", function), a, b, r -> latency(r, function).p99Ms(), true));
        }
        rows.add(row("gateway hops per call", a, b, RunFigures::hopsPerCall, true));
        rows.add(row("cluster CPU ms per call", a, b, RunFigures::cpuMsPerCall, true));
        rows.add(row("memory MB", a, b, RunFigures::memoryMb, true));
        return rows;
    }

    private static FunctionLatency latency(RunFigures run, String function) {
        return run.byFunction().getOrDefault(function, new FunctionLatency(0, 0, 0, 0, 0));
    }

    private static Row row(String figure, List<RunFigures> a, List<RunFigures> b, ToDoubleFunction<RunFigures> value,
                           boolean lowerIsBetter) {
        return Row.of(figure, median(a, value), median(b, value), lowerIsBetter);
    }

    static double median(List<RunFigures> runs, ToDoubleFunction<RunFigures> value) {
        var values = runs.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        int middle = values.length / 2;
        double median = values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return Experiment.round(median);
    }
}
