package io.clusterdeck.lab;

import io.clusterdeck.design.WorkerCount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** How the lab writes numbers and small statistics, the same in every table and sentence. */
final class Figures {
    private Figures() {
    }

    /**
     * A number rounded to two decimals, or below 1 to two significant digits, without trailing zeros: {@code 2},
     * {@code 12.5}, {@code 0.17}, {@code 0.0025}.
     */
    static String format(double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return Double.toString(value);
        }
        var exact = BigDecimal.valueOf(value);
        var rounded = (Math.abs(value) < 1 ? exact.round(new MathContext(2, RoundingMode.HALF_UP))
                : exact.setScale(2, RoundingMode.HALF_UP)).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** {@code 1 worker}, {@code 4 workers} or {@code one worker per core}. */
    static String workers(WorkerCount count) {
        return count.perCore() ? "one worker per core" : workers(count.fixed());
    }

    static String workers(int count) {
        return count + (count == 1 ? " worker" : " workers");
    }

    /** A share as a whole percentage: {@code 80%}; a share above 0 that would show as 0% is {@code under 1%}. */
    static String percent(double share) {
        return share > 0 && share < 0.005 ? "under 1%" : Math.round(share * 100) + "%";
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
