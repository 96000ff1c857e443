package io.clusterdeck.app.monitor;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/** A region that owns a canvas of its own size and draws on it when resized or asked to. */
abstract class CanvasPane extends Region {
    private final Canvas canvas = new Canvas();

    CanvasPane() {
        getChildren().add(canvas);
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
