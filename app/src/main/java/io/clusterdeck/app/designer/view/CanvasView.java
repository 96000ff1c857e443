package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.Area;
import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.FunctionFacts;
import io.clusterdeck.app.designer.Segmentation;
import io.clusterdeck.app.designer.Selection;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The segments of the design as cards where the layout puts them, with arrows for the calls between them. */
final class CanvasView extends StackPane {
    private final DesignerViewModel model;
    private final Pane surface = new Pane();
    private final Pane arrows = new Pane();
    private final Pane cards = new Pane();
    private final Map<String, SegmentCard> cardsByName = new LinkedHashMap<>();
    private ScrollPane scrollPane;

    CanvasView(DesignerViewModel model) {
        this.model = model;
        getStyleClass().add("canvas-view");
        setId("canvas");
        surface.getStyleClass().add("canvas-surface");
        arrows.setMouseTransparent(true);
        arrows.setPickOnBounds(false);
        cards.setPickOnBounds(false);
        // Arrows below the cards: one that passes a card goes behind it, never over its controls.
        surface.getChildren().addAll(arrows, cards);
        var scroll = new ScrollPane(surface);
        scroll.getStyleClass().add("canvas-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        var empty = new Label("No segments yet: add one with the + button", new FontIcon(Feather.LAYERS));
        empty.getStyleClass().add("canvas-empty");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(cards.getChildren()));
        scrollPane = scroll;
        // The legend has a row of its own below the canvas, so it never covers a card.
        var legend = legend();
        var canvasArea = new StackPane(scroll, empty);
        VBox.setVgrow(canvasArea, Priority.ALWAYS);
        var column = new VBox(canvasArea, legend);
        getChildren().add(column);
        surface.setOnMouseClicked(e -> {
            if (e.getTarget() == surface) {
                model.selectionProperty().set(Selection.NONE);
            }
        });
        model.designProperty().addListener((obs, old, now) -> rebuild());
        model.selectionProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    /** What the dots, borders and arrows on the cards mean. */
    private static javafx.scene.layout.HBox legend() {
        var legend = new javafx.scene.layout.HBox(14);
        legend.getStyleClass().add("canvas-legend");
        legend.setMouseTransparent(true);
        legend.setId("canvas-legend");
        for (var access : new String[] {"public", "protected", "private"}) {
            var dot = new Region();
            dot.getStyleClass().addAll("access-dot", "access-" + access);
            legend.getChildren().add(new Label(access, dot));
        }
        var costly = new Region();
        costly.getStyleClass().add("legend-costly");
        legend.getChildren().add(new Label("costly (\u2265 " + (int) FunctionFacts.COSTLY_MS + " ms a call)", costly));
        var arrow = new FontIcon(Feather.ARROW_RIGHT);
        arrow.getStyleClass().add("legend-arrow");
        legend.getChildren().add(new Label("calls between segments", arrow));
        return legend;
    }

    SegmentCard card(String segmentName) {
        return cardsByName.get(segmentName);
    }

    /** The part of the canvas in view, in canvas pixels. */
    Area visibleArea() {
        var viewport = scrollPane.getViewportBounds();
        double extraX = Math.max(0, surface.getWidth() - viewport.getWidth());
        double extraY = Math.max(0, surface.getHeight() - viewport.getHeight());
        return new Area(scrollPane.getHvalue() * extraX, scrollPane.getVvalue() * extraY, viewport.getWidth(),
                viewport.getHeight());
    }

    /** Scrolls as little as needed to show a segment's card whole. */
    void reveal(String segmentName) {
        var card = cardsByName.get(segmentName);
        if (card == null) {
            return;
        }
        surface.applyCss();
        surface.layout();
        var viewport = scrollPane.getViewportBounds();
        double extraX = Math.max(0, surface.getWidth() - viewport.getWidth());
        double extraY = Math.max(0, surface.getHeight() - viewport.getHeight());
        var view = visibleArea();
        var bounds = card.getBoundsInParent();
        double x = view.x();
        double y = view.y();
        if (bounds.getMaxX() > view.maxX()) {
            x = bounds.getMaxX() - view.width();
        }
        if (bounds.getMinX() < x) {
            x = bounds.getMinX();
        }
        if (bounds.getMinY() < y || bounds.getMinY() > view.maxY() - 40) {
            y = bounds.getMinY() - Segmentation.MARGIN / 2;
        }
        scrollPane.setHvalue(extraX == 0 ? 0 : Math.max(0, Math.min(1, x / extraX)));
        scrollPane.setVvalue(extraY == 0 ? 0 : Math.max(0, Math.min(1, y / extraY)));
    }

    private java.util.List<Area> cardAreas() {
        return cardsByName.values().stream().map(card -> {
            var b = card.getBoundsInParent();
            return new Area(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
        }).toList();
    }

    private void rebuild() {
        cardsByName.clear();
        cards.getChildren().clear();
        arrows.getChildren().clear();
        double right = 0;
        double bottom = 0;
        for (var segment : model.design().segments()) {
            var card = new SegmentCard(segment, model);
            var position = model.positionOf(segment.name());
            card.relocate(position.x(), position.y());
            cards.getChildren().add(card);
            cardsByName.put(segment.name(), card);
            right = Math.max(right, position.x() + SegmentCard.WIDTH);
            bottom = Math.max(bottom, position.y() + 420);
        }
        surface.setMinSize(right + 20, bottom);
        for (var call : model.crossCalls()) {
            var from = cardsByName.get(call.from());
            var to = cardsByName.get(call.to());
            if (from != null && to != null) {
                arrows.getChildren().add(new CallArrow(call, from, to, this::cardAreas));
            }
        }
    }
}
