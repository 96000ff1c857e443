package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.Area;
import java.util.List;

/** Where a call arrow's label goes: on its curve, as near the middle as it can be without covering any card. */
final class ArrowLabel {
    private static final double[] ALONG = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9};
    private static final double GAP = 4;

    private ArrowLabel() {
    }

    /**
     * @param curve the cubic curve: start, two control points and end, as x and y each
     * @param cards what the label must leave uncovered
     * @return the label's place: above or below a point of the curve, clear of every card when there is such a place
     */
    static Area place(double[] curve, double width, double height, List<Area> cards) {
        for (double t : ALONG) {
            double x = at(curve, 0, t) - width / 2;
            double y = at(curve, 1, t);
            for (var candidate : new Area[] {new Area(x, y - height - GAP, width, height), new Area(x, y + GAP, width, height)}) {
                if (cards.stream().noneMatch(card -> card.grown(GAP).overlaps(candidate))) {
                    return candidate;
                }
            }
        }
        return new Area(at(curve, 0, 0.5) - width / 2, at(curve, 1, 0.5) - height - GAP, width, height);
    }

    /** One coordinate (0 for x, 1 for y) of the point of the curve at {@code t}. */
    static double at(double[] curve, int axis, double t) {
        double u = 1 - t;
        return u * u * u * curve[axis] + 3 * u * u * t * curve[2 + axis] + 3 * u * t * t * curve[4 + axis]
                + t * t * t * curve[6 + axis];
    }
}
