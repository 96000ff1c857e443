package io.clusterdeck.app.experiment;

import io.clusterdeck.compare.Comparison;
import java.util.List;

/** One public function's latency in both designs, for its bar chart: the median of each design's runs. */
public record FunctionLatency(String function, double p50A, double p50B, double p99A, double p99B) {

    /** Every function the load called, in the comparison's order. */
    public static List<FunctionLatency> of(Comparison comparison) {
        return comparison.functions().stream().map(function -> {
            var p50 = comparison.row(Comparison.latencyFigure("p50", function));
            var p99 = comparison.row(Comparison.latencyFigure("p99", function));
            return new FunctionLatency(function, p50.a(), p50.b(), p99.a(), p99.b());
        }).toList();
    }
}
