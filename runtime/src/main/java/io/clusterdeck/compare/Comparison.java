package io.clusterdeck.compare;

import java.util.List;
import java.util.Objects;

/**
 * Two designs compared under the same load: every run, and per figure the median of each design's runs side by
 * side with which is better and by how much.
 */
public record Comparison(String designA, String designB, ExperimentSpec spec, List<String> functions,
                         List<RunFigures> runs, List<Row> rows) {
    public Comparison {
        Objects.requireNonNull(designA, "designA");
        Objects.requireNonNull(designB, "designB");
        functions = List.copyOf(functions);
        runs = List.copyOf(runs);
        rows = List.copyOf(rows);
    }

    /** The name of a function's latency row: {@code "p99 ms catalog/search"} for percentile {@code "p99"}. */
    public static String latencyFigure(String percentile, String function) {
        return percentile + " ms " + function;
    }

    /** The row of a figure, such as {@code "p99 ms"} or {@code "p99 ms catalog/search"}. */
    public Row row(String figure) {
        return rows.stream().filter(r -> r.figure().equals(figure)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + figure));
    }

    /**
     * One figure of both designs.
     *
     * @param better        "A", "B", or "=" when they differ by less than {@link #SAME_WITHIN} of the larger
     * @param changePercent B against A, in percent of A (0 when A is 0)
     */
    public record Row(String figure, double a, double b, boolean lowerIsBetter, String better, double changePercent) {
        public static final double SAME_WITHIN = 0.02;

        public static Row of(String figure, double a, double b, boolean lowerIsBetter) {
            double change = a == 0 ? 0 : (b - a) / a * 100;
            String better;
            if (Math.abs(a - b) <= SAME_WITHIN * Math.max(Math.abs(a), Math.abs(b))) {
                better = "=";
            } else {
                better = (b < a) == lowerIsBetter ? "B" : "A";
            }
            return new Row(figure, a, b, lowerIsBetter, better, Math.round(change * 10) / 10.0);
        }
    }
}
