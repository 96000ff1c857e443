package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.BoundedSeries;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A small line of a live series' last minute, scaled to its own maximum. */
final class Sparkline extends CanvasPane {
    private final BoundedSeries series;
    private final Color color;

    Sparkline(BoundedSeries series, Color color, double width, double height) {
        this.series = series;
        this.color = color;
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        getStyleClass().add("sparkline");
    }

    @Override
    void draw(GraphicsContext g, double width, double height) {
        int n = series.size();
        if (n < 2) {
            return;
        }
        double max = Math.max(1e-9, series.max());
        double step = width / (series.capacity() - 1);
        double x0 = width - (n - 1) * step;
        g.setStroke(color);
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double x = x0 + i * step;
            double y = height - 2 - series.get(i) / max * (height - 4);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
        g.setFill(color.deriveColor(0, 1, 1, 0.12));
        g.lineTo(width, height);
        g.lineTo(x0, height);
        g.closePath();
        g.fill();
    }
}
