package io.clusterdeck.app.designer;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.Layout;
import io.clusterdeck.design.Position;
import io.clusterdeck.design.Segment;
import java.util.HashMap;

/** Changes to which segment holds which function, and where the cards are drawn. */
public final class Segmentation {
    static final double CARD_SPACING_X = 360;
    static final double CARD_SPACING_Y = 360;
    public static final double MARGIN = 40;
    /** How wide a segment's card is drawn. */
    public static final double CARD_WIDTH = 256;
    /** How far down a new card is placed in view: one screenful of rows is enough to find room. */
    private static final int ROWS_IN_VIEW = 12;

    private Segmentation() {
    }

    /** The design with a function in the given segment and no other, or in none when {@code segmentName} is null. */
    static Design move(Design design, String functionName, String segmentName) {
        return design.withSegments(design.segments().stream()
                .map(s -> s.name().equals(segmentName) ? s.withFunction(functionName) : s.withoutFunction(functionName))
                .toList());
    }

    /** The design without a segment and its card; its functions are left in no segment. */
    static Design withoutSegment(Design design, String segmentName) {
        var positions = new HashMap<>(design.layout().segments());
        positions.remove(segmentName);
        return design.withSegments(design.segments().stream().filter(s -> !s.name().equals(segmentName)).toList())
                .withLayout(new Layout(positions));
    }

    /** The design without a function, in no segment and called by no function. */
    static Design withoutFunction(Design design, String functionName) {
        var functions = design.functions().stream().filter(f -> !f.name().equals(functionName))
                .map(f -> f.withCalls(f.calls().stream().filter(c -> !c.equals(functionName)).toList())).toList();
        var segments = design.segments().stream().map(s -> s.withoutFunction(functionName)).toList();
        return design.withFunctions(functions).withSegments(segments);
    }

    /** The design with a segment's card moved from its old name to its new one, where it was drawn. */
    static Design withCardRenamed(Design design, String oldName, Position position, String newName) {
        var positions = new HashMap<>(design.layout().segments());
        positions.remove(oldName);
        positions.put(newName, position);
        return design.withLayout(new Layout(positions));
    }

    /** Where a segment's card is drawn: its layout position, or its place in a grid of three columns. */
    static Position positionOf(Design design, String segmentName) {
        var placed = design.layout().segments().get(segmentName);
        if (placed != null) {
            return placed;
        }
        int index = Math.max(0, design.segments().stream().map(Segment::name).toList().indexOf(segmentName));
        return gridPosition(index);
    }

    /** The first place in the grid that no card covers. */
    static Position freePosition(Design design) {
        for (int index = 0; ; index++) {
            var candidate = gridPosition(index);
            if (free(design, candidate)) {
                return candidate;
            }
        }
    }

    /**
     * A place no card covers inside the part of the canvas in view, so a new card is seen where it lands: columns
     * as many as fit the view's width, rows from its top. Without room in view, the first free place in the grid.
     */
    static Position freePosition(Design design, Area visible) {
        int columns = Math.max(1, (int) ((visible.width() - MARGIN - CARD_WIDTH) / CARD_SPACING_X) + 1);
        for (int row = 0; row < ROWS_IN_VIEW; row++) {
            for (int column = 0; column < columns; column++) {
                var candidate = new Position((double) Math.round(visible.x() + MARGIN + column * CARD_SPACING_X),
                        (double) Math.round(visible.y() + MARGIN + row * CARD_SPACING_Y));
                if (free(design, candidate)) {
                    return candidate;
                }
            }
        }
        return freePosition(design);
    }

    private static boolean free(Design design, Position candidate) {
        return design.segments().stream().map(s -> positionOf(design, s.name()))
                .noneMatch(p -> Math.abs(p.x() - candidate.x()) < CARD_SPACING_X - 20
                        && Math.abs(p.y() - candidate.y()) < CARD_SPACING_Y - 20);
    }

    private static Position gridPosition(int index) {
        return new Position(MARGIN + (index % 3) * CARD_SPACING_X, MARGIN + (double) (index / 3) * CARD_SPACING_Y);
    }
}
