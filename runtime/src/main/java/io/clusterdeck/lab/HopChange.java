package io.clusterdeck.lab;

import io.clusterdeck.design.Design;

/** How an edit changes the static cost of a segmentation, as a phrase for the effect of advice. */
final class HopChange {
    private HopChange() {
    }

    /** {@code mean gateway hops per public call 0.17 -> 0 (-0.08 ms a call)}, or that they stay as they are. */
    static String between(Design before, Design after) {
        var old = HopCost.of(before);
        var now = HopCost.of(after);
        if (Figures.format(old.meanHops()).equals(Figures.format(now.meanHops()))) {
            return "mean gateway hops per public call stay " + Figures.format(now.meanHops());
        }
        double ms = now.meanAddedMs() - old.meanAddedMs();
        return "mean gateway hops per public call " + Figures.format(old.meanHops()) + " -> "
                + Figures.format(now.meanHops()) + (ms == 0 ? "" : " (" + (ms > 0 ? "+" : "") + Figures.format(ms)
                + " ms a call)");
    }
}
