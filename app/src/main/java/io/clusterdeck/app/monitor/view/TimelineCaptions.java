package io.clusterdeck.app.monitor.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Where the timeline's captions go: newest first, each beside its mark in its own lane, left of it or right of it,
 * never over another caption or another mark, never taller than its lane. A caption that finds no such place is
 * left out; a newer one has the better claim.
 */
final class TimelineCaptions {
    /** Room between a mark and its caption. */
    static final double GAP = 9;
    /** How much of a lane a mark takes either side of its x. */
    static final double MARK = 6;
    private static final double HEIGHT = 16;
    private static final double SMALLEST = 10;

    private TimelineCaptions() {
    }

    /**
     * A mark on the timeline.
     *
     * @param caption     its caption, or null for a mark without one
     * @param preferRight whether its caption reads better after it (a worker coming back)
     */
    record Mark(double x, int lane, String caption, boolean preferRight) {
    }

    /** A caption placed: its text and box, {@code y} being the box's top. */
    record Placed(String text, double x, double y, double width, double height) {
        boolean overlaps(Placed other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }
    }

    /**
     * @param marks      oldest first
     * @param left       where the plot starts
     * @param right      where it ends
     * @param laneHeight how tall each lane is; captions need at least {@value #SMALLEST}
     */
    static List<Placed> place(List<Mark> marks, double left, double right, double laneHeight,
                              ToDoubleFunction<String> widthOf) {
        var placed = new ArrayList<Placed>();
        double height = Math.min(HEIGHT, laneHeight - 2);
        if (height < SMALLEST) {
            return placed;
        }
        var taken = new ArrayList<double[]>();
        for (var mark : marks) {
            taken.add(new double[] {mark.lane(), mark.x() - MARK, mark.x() + MARK});
        }
        for (int i = marks.size() - 1; i >= 0; i--) {
            var mark = marks.get(i);
            if (mark.caption() == null) {
                continue;
            }
            double width = widthOf.applyAsDouble(mark.caption());
            double leftStart = mark.x() - GAP - width;
            double rightStart = mark.x() + GAP;
            double[] order = mark.preferRight() ? new double[] {rightStart, leftStart} : new double[] {leftStart, rightStart};
            for (double start : order) {
                if (start >= left + 2 && start + width <= right && free(taken, mark, start, start + width)) {
                    double top = mark.lane() * laneHeight + (laneHeight - height) / 2;
                    placed.add(new Placed(mark.caption(), start, top, width, height));
                    taken.add(new double[] {mark.lane(), start - 2, start + width + 2});
                    break;
                }
            }
        }
        return placed;
    }

    private static boolean free(List<double[]> taken, Mark own, double from, double to) {
        for (var span : taken) {
            boolean itsOwnMark = span[0] == own.lane() && span[1] == own.x() - MARK && span[2] == own.x() + MARK;
            if (span[0] == own.lane() && !itsOwnMark && from < span[2] && span[1] < to) {
                return false;
            }
        }
        return true;
    }
}
