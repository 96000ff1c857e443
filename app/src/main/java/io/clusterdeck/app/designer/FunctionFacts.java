package io.clusterdeck.app.designer;

import io.clusterdeck.design.Function;
import java.util.Locale;

/** What the palette and the cards say about a function at a glance. */
public final class FunctionFacts {
    /** Modelled milliseconds per call from which a function counts as costly. */
    public static final double COSTLY_MS = 25;

    private FunctionFacts() {
    }

    /** {@code sim} or {@code java}. */
    public static String implementation(Function function) {
        return function.hasJavaImplementation() ? "java" : "sim";
    }

    public static double costMs(Function function) {
        return function.simulate() == null ? 0 : function.simulate().costMs();
    }

    public static boolean costly(Function function) {
        return costMs(function) >= COSTLY_MS;
    }

    /** {@code 12 ms}, {@code 0.5 ms}; empty for Java functions, whose cost is not modelled. */
    public static String cost(Function function) {
        if (function.simulate() == null) {
            return "";
        }
        double ms = costMs(function);
        return (ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(Locale.ROOT, "%.1f", ms)) + " ms";
    }
}
