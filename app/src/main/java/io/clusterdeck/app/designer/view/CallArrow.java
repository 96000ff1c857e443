package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.Area;
import io.clusterdeck.app.designer.CrossCall;
import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polygon;

/**
 * An arrow from one segment card to another, labelled with how many calls cross between them. It is drawn below the
 * cards, and its label sits where it covers none of them.
 */
final class CallArrow extends Group {
    private static final double HEAD = 9;
    private static final double ANCHOR_Y = 22;

    private final SegmentCard from;
    private final SegmentCard to;
    private final CubicCurve curve = new CubicCurve();
    private final Polygon head = new Polygon();
    private final Label count;
    private final java.util.function.Supplier<java.util.List<Area>> cards;

    /** @param cards where every card is now: the label keeps clear of them */
    CallArrow(CrossCall call, SegmentCard from, SegmentCard to, java.util.function.Supplier<java.util.List<Area>> cards) {
        this.from = from;
        this.to = to;
        this.cards = cards;
        getStyleClass().add("call-arrow");
        setId("arrow-" + call.from() + "-" + call.to());
        curve.getStyleClass().add("call-line");
        head.getStyleClass().add("call-head");
        count = new Label(call.label());
        count.getStyleClass().add("call-count");
        getChildren().addAll(curve, head, count);
        setMouseTransparent(true);
        setManaged(false);
        for (var card : new SegmentCard[] {from, to}) {
            card.boundsInParentProperty().addListener((obs, old, now) -> update());
        }
        count.widthProperty().addListener((obs, old, now) -> update());
        update();
    }

    private void update() {
        Bounds a = from.getBoundsInParent();
        Bounds b = to.getBoundsInParent();
        boolean rightwards = b.getMinX() >= a.getMaxX() || (b.getCenterX() > a.getCenterX() && b.getMinX() > a.getMinX());
        double startX = rightwards ? a.getMaxX() : a.getMinX();
        double endX = rightwards ? b.getMinX() - 2 : b.getMaxX() + 2;
        double startY = a.getMinY() + ANCHOR_Y + Math.min(a.getHeight() / 2, 60);
        double endY = b.getMinY() + ANCHOR_Y + Math.min(b.getHeight() / 2, 60);
        double bend = Math.max(30, Math.abs(endX - startX) / 2) * (rightwards ? 1 : -1);
        curve.setStartX(startX);
        curve.setStartY(startY);
        curve.setControlX1(startX + bend);
        curve.setControlY1(startY);
        curve.setControlX2(endX - bend);
        curve.setControlY2(endY);
        curve.setEndX(endX - (rightwards ? HEAD : -HEAD));
        curve.setEndY(endY);
        double dir = rightwards ? 1 : -1;
        head.getPoints().setAll(endX, endY, endX - dir * HEAD * 1.4, endY - HEAD * 0.7,
                endX - dir * HEAD * 1.4, endY + HEAD * 0.7);
        count.autosize();
        var place = ArrowLabel.place(new double[] {startX, startY, curve.getControlX1(), curve.getControlY1(),
                curve.getControlX2(), curve.getControlY2(), endX, endY}, count.getWidth(), count.getHeight(), cards.get());
        count.relocate(place.x(), place.y());
    }
}
