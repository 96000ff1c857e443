package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.ProcessRow;
import io.clusterdeck.app.monitor.SegmentLoad;
import javafx.scene.canvas.GraphicsContext;

/** Each worker's calls per second over the last minute, stacked: the band's height is its share of the load. */
final class ShareChart extends CanvasPane {
    private final SegmentLoad segment;

    ShareChart(SegmentLoad segment) {
        this.segment = segment;
        setPrefHeight(34);
        setMinHeight(34);
        getStyleClass().add("share-chart");
    }

    @Override
    void draw(GraphicsContext g, double width, double height) {
        var workers = segment.workerNames();
        int n = segment.samples();
        g.setFill(colors().lane());
        g.fillRect(0, 0, width, height);
        if (n < 2 || workers.isEmpty()) {
            return;
        }
        double max = 1e-9;
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (var worker : workers) {
                total += value(worker, i, n);
            }
            max = Math.max(max, total);
        }
        double step = width / (ProcessRow.SERIES - 1);
        double x0 = width - (n - 1) * step;
        double[] below = new double[n];
        for (int w = 0; w < workers.size(); w++) {
            var worker = workers.get(w);
            g.setFill(Palette.series(w).deriveColor(0, 1, 1, 0.75));
            g.beginPath();
            for (int i = 0; i < n; i++) {
                double top = below[i] + value(worker, i, n);
                double y = height - top / max * (height - 2);
                if (i == 0) {
                    g.moveTo(x0, y);
                } else {
                    g.lineTo(x0 + i * step, y);
                }
            }
            for (int i = n - 1; i >= 0; i--) {
                g.lineTo(x0 + i * step, height - below[i] / max * (height - 2));
                below[i] += value(worker, i, n);
            }
            g.closePath();
            g.fill();
        }
    }

    private double value(String worker, int i, int n) {
        var series = segment.calls(worker);
        int offset = series.size() - n;
        return i + offset < 0 ? 0 : series.get(i + offset);
    }
}
