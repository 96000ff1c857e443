package io.clusterdeck.compare;

import io.clusterdeck.compare.Comparison.Row;
import java.util.Locale;

/** A comparison as an aligned table for a terminal and as a markdown report. */
public final class ComparisonReport {
    private ComparisonReport() {
    }

    public static String table(Comparison comparison) {
        int width = comparison.rows().stream().mapToInt(r -> r.figure().length()).max().orElse(10);
        var format = "%-" + width + "s  %12s  %12s  %9s  %s%n";
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, "", "A " + comparison.designA(), "B " + comparison.designB(),
                "B vs A", "better"));
        for (var row : comparison.rows()) {
            out.append(String.format(Locale.ROOT, format, row.figure(), number(row.a()), number(row.b()), change(row),
                    verdict(row)));
        }
        return out.toString();
    }

    public static String markdown(Comparison comparison) {
        var spec = comparison.spec();
        var out = new StringBuilder();
        out.append("# ").append(comparison.designA()).append(" (A) against ").append(comparison.designB()).append(" (B)\n\n");
        out.append(String.format(Locale.ROOT,
                "The same load on each: %s at %.0f calls a second, %d s of warm-up and %d s measured, %d runs of each in turn"
                        + " (A B A B), on %d cores. Latency is measured by the caller, from when each call was due, and calls"
                        + " enter at the gateway. Each figure is the median of a design's runs.%n%n",
                String.join(", ", comparison.functions()), spec.ratePerSecond(), spec.warmUp().toSeconds(),
                spec.measure().toSeconds(), spec.repeats(), Runtime.getRuntime().availableProcessors()));
        out.append("| figure | A | B | B vs A | better |\n|---|---:|---:|---:|---|\n");
        for (var row : comparison.rows()) {
            out.append("| ").append(row.figure()).append(" | ").append(number(row.a())).append(" | ")
                    .append(number(row.b())).append(" | ").append(change(row)).append(" | ").append(verdict(row)).append(" |\n");
        }
        out.append("\n## Every run\n\n| run | design | answered/s | failed | p50 ms | p99 ms | hops per call | CPU ms per call | memory MB |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        int n = 1;
        for (var run : comparison.runs()) {
            out.append(String.format(Locale.ROOT, "| %d | %s %s | %s | %d | %s | %s | %s | %s | %s |%n", n++, run.label(),
                    run.design(), number(run.answeredPerSecond()), run.failed(), number(run.p50Ms()), number(run.p99Ms()),
                    number(run.hopsPerCall()), number(run.cpuMsPerCall()), number(run.memoryMb())));
        }
        return out.toString();
    }

    /** Which design is better on a row: "A", "B" or "about the same". */
    public static String verdict(Row row) {
        return row.better().equals("=") ? "about the same" : row.better();
    }

    /** B against A in percent, signed, such as {@code -12.5%}; a dash when A is 0. */
    public static String change(Row row) {
        return row.a() == 0 ? "-" : String.format(Locale.ROOT, "%+.1f%%", row.changePercent());
    }

    /** A figure as the reports write it: whole numbers bare, others to two decimals (one from 100 on). */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.2f", value);
    }
}
