package io.clusterdeck.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How the lab writes numbers and small statistics, the same in every table and sentence. */
final class Figures {
    private Figures() {
    }

    /** A number rounded to two decimals, without trailing zeros: {@code 2}, {@code 0.17}, {@code 12.5}. */
    static String format(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return Double.toString(value);
        }
        var rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** A share as a whole percentage: {@code 80%}. */
    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** The median of some values; 0 for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
