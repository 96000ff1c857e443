package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.FaultSummary;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.TimelineEntry;
import io.clusterdeck.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The last 30 seconds on one time axis: a lane each for faults, health, processes and calls, each fault's window
 * shaded until the gateway noticed (amber) and until the worker was back (red), and below it what each fault cost.
 */
final class TimelineView extends VBox {
    static final Duration SHOWN = Duration.ofSeconds(30);
    private static final double LABELS = 78;
    private static final double AXIS = 18;
    /** Report lines shown before the list scrolls. */
    private static final int REPORT_LINES = 3;
    private static final Set<EventType> CAPTIONED = EnumSet.of(EventType.FAULT, EventType.EXITED, EventType.RESTARTED,
            EventType.REMOVED, EventType.UNHEALTHY, EventType.HEALTHY, EventType.GAVE_UP, EventType.SCALED,
            EventType.DEREGISTERED);

    private final MonitorViewModel monitor;
    private final Lanes lanes = new Lanes();
    private final VBox reports = new VBox(2);

    TimelineView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("timeline");
        setSpacing(6);
        VBox.setVgrow(lanes, Priority.ALWAYS);
        reports.getStyleClass().add("fault-reports");
        var scroll = new javafx.scene.control.ScrollPane(reports);
        scroll.setId("fault-reports");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("fault-report-scroll", "edge-to-edge");
        scroll.setPrefHeight(REPORT_LINES * 22);
        scroll.setMinHeight(24);
        getChildren().addAll(lanes, scroll);
        monitor.framesProperty().addListener((o, a, b) -> lanes.redraw());
        monitor.faults().addListener((javafx.collections.ListChangeListener<FaultSummary>) c -> showReports());
        showReports();
    }

    /** What the shading and the marks mean, for the card's title row. */
    static javafx.scene.layout.HBox legend() {
        var noticed = new javafx.scene.shape.Rectangle(12, 10, javafx.scene.paint.Color.web("#bf8700", 0.35));
        var back = new javafx.scene.shape.Rectangle(12, 10, javafx.scene.paint.Color.web("#cf222e", 0.25));
        var fault = new javafx.scene.shape.Polygon(5, 0, 10, 5, 5, 10, 0, 5);
        fault.setFill(Palette.event(EventType.FAULT));
        var calls = new javafx.scene.shape.Rectangle(2, 10, Palette.event(EventType.TIMED_OUT));
        var legend = new javafx.scene.layout.HBox(12,
                new Label("fault", fault),
                new Label("until noticed", noticed),
                new Label("until back", back),
                new Label("call failed or retried", calls));
        for (var label : legend.getChildren()) {
            ((Label) label).setMinWidth(0);
        }
        javafx.scene.control.Tooltip.install(legend, new javafx.scene.control.Tooltip("A fault's shade is amber until "
                + "the gateway took the worker out of rotation and red until the worker served again. A fault that "
                + "undoes another (resume, made healthy, latency removed) is marked in green."));
        legend.setId("timeline-legend");
        legend.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        legend.setMinWidth(0);
        legend.getStyleClass().add("timeline-legend");
        return legend;
    }

    private void showReports() {
        reports.getChildren().clear();
        if (monitor.faults().isEmpty()) {
            var none = new Label("No faults yet: kill, pause or make a worker unhealthy to see what failover costs.");
            none.getStyleClass().add("muted");
            reports.getChildren().add(none);
            return;
        }
        // Every kept report, newest first; the list scrolls, so a finished report is not pushed out by newer ones.
        for (var fault : monitor.faults()) {
            var line = new Label(fault.render());
            line.getStyleClass().add("fault-report");
            line.setMaxWidth(Double.MAX_VALUE);
            line.setWrapText(true);
            line.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("open"), !fault.closed());
            reports.getChildren().add(line);
        }
    }

    private final class Lanes extends CanvasPane {
        Lanes() {
            setPrefHeight(150);
            setMinHeight(72);
        }

        @Override
        void draw(GraphicsContext g, double width, double height) {
            var colors = colors();
            Instant now = monitor.nowProperty().get();
            Instant from = now.minus(SHOWN);
            var laneValues = TimelineEntry.Lane.values();
            double laneHeight = (height - AXIS) / laneValues.length;
            double plot = width - LABELS - 8;
            g.setTextBaseline(VPos.CENTER);
            for (int i = 0; i < laneValues.length; i++) {
                double y = i * laneHeight;
                g.setFill(i % 2 == 0 ? colors.lane() : colors.plot());
                g.fillRect(LABELS, y, plot, laneHeight);
                g.setFill(colors.muted());
                g.setFont(Font.font(null, FontWeight.BOLD, 11));
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(laneValues[i].title(), 4, y + laneHeight / 2);
            }
            for (var fault : monitor.faults()) {
                shade(g, fault, from, plot, height - AXIS);
            }
            axis(g, colors, from, plot, height);
            g.setFont(Font.font(11));
            var marks = new java.util.ArrayList<TimelineCaptions.Mark>();
            for (var entry : monitor.timeline()) {
                if (entry.time().isBefore(from)) {
                    continue;
                }
                double x = x(entry.time(), from, plot);
                double y = entry.lane().ordinal() * laneHeight + laneHeight / 2;
                double size = Math.min(7, laneHeight / 2 - 1);
                g.setFill(entry.undoes() ? Palette.event(EventType.HEALTHY) : Palette.event(entry.type()));
                if (entry.lane() == TimelineEntry.Lane.CALLS) {
                    g.fillRect(x - 1, y - laneHeight * 0.3, 2, laneHeight * 0.6);
                } else if (entry.type() == EventType.FAULT) {
                    g.fillPolygon(new double[] {x, x + size - 1, x, x - size + 1}, new double[] {y - size, y, y + size, y}, 4);
                } else {
                    double r = Math.min(4, size - 1);
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                }
                marks.add(new TimelineCaptions.Mark(x, entry.lane().ordinal(),
                        CAPTIONED.contains(entry.type()) ? entry.caption() : null, entry.type() == EventType.HEALTHY));
            }
            captions(g, colors, marks, plot, laneHeight);
        }

        private void captions(GraphicsContext g, Colors colors, java.util.List<TimelineCaptions.Mark> marks,
                              double plot, double laneHeight) {
            var measure = new javafx.scene.text.Text();
            measure.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.LEFT);
            for (var caption : TimelineCaptions.place(marks, LABELS, LABELS + plot, laneHeight, text -> {
                measure.setText(text);
                return measure.getLayoutBounds().getWidth();
            })) {
                g.setFill(colors.plot().deriveColor(0, 1, 1, 0.85));
                g.fillRect(caption.x() - 2, caption.y(), caption.width() + 4, caption.height());
                g.setFill(colors.text());
                g.fillText(caption.text(), caption.x(), caption.y() + caption.height() / 2);
            }
        }

        /** Amber from the fault until the gateway noticed, red until the worker was back; open ones reach now. */
        private void shade(GraphicsContext g, FaultSummary fault, Instant from, double plot, double bottom) {
            Instant now = monitor.nowProperty().get();
            var closedAt = fault.closedAt();
            Instant end = closedAt == null ? now : closedAt;
            Instant noticed = fault.detected() == null ? end : fault.time().plus(fault.detected());
            double start = Math.max(LABELS, x(fault.time(), from, plot));
            double detected = Math.max(start, x(noticed, from, plot));
            double back = Math.max(detected, x(end, from, plot));
            g.setFill(javafx.scene.paint.Color.web("#bf8700", 0.18));
            g.fillRect(start, 0, detected - start, bottom);
            g.setFill(javafx.scene.paint.Color.web("#cf222e", 0.10));
            g.fillRect(detected, 0, back - detected, bottom);
        }

        private void axis(GraphicsContext g, Colors colors, Instant from, double plot, double height) {
            g.setStroke(colors.grid());
            g.setLineWidth(1);
            g.setFont(Font.font(10));
            g.setTextAlign(TextAlignment.CENTER);
            for (int s = 0; s <= SHOWN.toSeconds(); s += 5) {
                double x = LABELS + plot * s / SHOWN.toSeconds();
                g.strokeLine(x, 0, x, height - AXIS);
                g.setFill(colors.muted());
                long ago = SHOWN.toSeconds() - s;
                g.fillText(ago == 0 ? "now" : "−" + ago + " s", Math.min(x, LABELS + plot - 10), height - AXIS / 2);
            }
        }

        private double x(Instant time, Instant from, double plot) {
            double seconds = Duration.between(from, time).toMillis() / 1000.0;
            return LABELS + Math.max(0, Math.min(1, seconds / SHOWN.toSeconds())) * plot;
        }
    }
}
