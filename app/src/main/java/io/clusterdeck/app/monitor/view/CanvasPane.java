package io.clusterdeck.app.monitor.view;

import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A region that owns a canvas of its own size and draws on it when resized or asked to. Its colours come from the
 * stylesheet ({@code -cd-plot}, {@code -cd-lane}, {@code -cd-text}, {@code -cd-muted}, {@code -cd-grid}), so a
 * canvas follows the light or dark theme like every control does, and redraws when the theme changes.
 */
abstract class CanvasPane extends Region {
    private static final StyleablePropertyFactory<CanvasPane> STYLES =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    /** The colours a canvas draws with, as the theme has them now. */
    record Colors(Color plot, Color lane, Color text, Color muted, Color grid) {
    }

    private final Canvas canvas = new Canvas();
    private final StyleableProperty<Color> plot = STYLES.createStyleableColorProperty(this, "plot", "-cd-plot",
            p -> p.plot, Color.WHITE);
    private final StyleableProperty<Color> lane = STYLES.createStyleableColorProperty(this, "lane", "-cd-lane",
            p -> p.lane, Color.web("#f6f8fa"));
    private final StyleableProperty<Color> text = STYLES.createStyleableColorProperty(this, "text", "-cd-text",
            p -> p.text, Color.web("#1f2328"));
    private final StyleableProperty<Color> muted = STYLES.createStyleableColorProperty(this, "muted", "-cd-muted",
            p -> p.muted, Color.web("#656d76"));
    private final StyleableProperty<Color> grid = STYLES.createStyleableColorProperty(this, "grid", "-cd-grid",
            p -> p.grid, Color.web("#d0d7de"));

    CanvasPane() {
        getStyleClass().add("canvas-pane");
        getChildren().add(canvas);
        for (var color : List.of(plot, lane, text, muted, grid)) {
            ((javafx.beans.value.ObservableValue<?>) color).addListener((obs, old, now) -> redraw());
        }
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return STYLES.getCssMetaData();
    }

    /** The colours to draw with now. */
    Colors colors() {
        return new Colors(plot.getValue(), lane.getValue(), text.getValue(), muted.getValue(), grid.getValue());
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    final void redraw() {
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    abstract void draw(GraphicsContext g, double width, double height);
}
