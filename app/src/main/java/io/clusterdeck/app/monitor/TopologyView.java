package io.clusterdeck.app.monitor;

import io.clusterdeck.plan.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Proxy, gateway, repository and each segment with its workers, laid out left to right as calls flow; nodes are
 * coloured by health, edges labelled with calls per second. A click on a worker selects it.
 */
final class TopologyView extends Pane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double NODE_WIDTH = 128;
    private static final double NODE_HEIGHT = 46;
    private static final double PAD = 8;
    private static final double GAP = 6;
    private static final double PROXY_GAP = 40;
    private static final double SEGMENT_GAP = 40;
    /** A topology taller than this scrolls inside its card rather than pushing the cards below it away. */
    private static final double SCROLL_FROM = 220;

    private final MonitorViewModel monitor;
    private final Map<String, VBox> nodes = new LinkedHashMap<>();
    private final Map<String, SegmentBox> segments = new LinkedHashMap<>();
    private final Map<String, Line> edges = new LinkedHashMap<>();
    private final Map<String, Label> edgeLabels = new LinkedHashMap<>();
    private ScrollPane scroll;

    TopologyView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("topology");
        for (var role : List.of(Role.PROXY, Role.GATEWAY, Role.REPOSITORY)) {
            monitor.processes().stream().filter(p -> p.role() == role).findFirst().ifPresent(row -> {
                nodes.put(row.name(), serviceNode(row));
            });
        }
        for (var segment : monitor.segments()) {
            segments.put(segment.name(), new SegmentBox(segment));
        }
        if (nodes.containsKey("proxy")) {
            edge("proxy", Bindings.createStringBinding(() -> Styles.rate(monitor.entryCallsPerSecond()),
                    monitor.framesProperty()));
        }
        if (nodes.containsKey("repository")) {
            var line = edge("repository", null);
            line.getStyleClass().add("dashed");
        }
        for (var segment : monitor.segments()) {
            edge(segment.name(), Bindings.createStringBinding(() -> Styles.rate(segment.callsPerSecondProperty().get()),
                    segment.callsPerSecondProperty()));
        }
        getChildren().addAll(edges.values());
        getChildren().addAll(edgeLabels.values());
        getChildren().addAll(nodes.values());
        getChildren().addAll(segments.values());
        monitor.processes().addListener((ListChangeListener<ProcessRow>) c -> segments.values().forEach(SegmentBox::fill));
        monitor.selectedProperty().addListener((o, a, b) -> segments.values().forEach(SegmentBox::fill));
    }

    private Line edge(String to, javafx.beans.binding.StringBinding text) {
        var line = new Line();
        line.getStyleClass().add("edge");
        edges.put(to, line);
        if (text != null) {
            var label = new Label();
            label.textProperty().bind(text);
            label.getStyleClass().add("edge-label");
            edgeLabels.put(to, label);
        }
        return line;
    }

    private VBox serviceNode(ProcessRow row) {
        var icon = new FontIcon(row.role() == Role.PROXY ? "fth-globe" : row.role() == Role.GATEWAY ? "fth-shuffle"
                : "fth-database");
        var title = new Label(row.name(), icon);
        title.getStyleClass().add("node-title");
        var state = new Label();
        state.textProperty().bind(row.stateProperty());
        state.getStyleClass().add("node-detail");
        var node = new VBox(2, title, state);
        node.getStyleClass().add("service-node");
        Styles.health(node, row.healthProperty());
        node.setOnMouseClicked(e -> monitor.select(row.name()));
        return node;
    }

    /**
     * The topology in a scroll of its own: as tall as it needs up to {@link #SCROLL_FROM}, then scrolling, with the
     * proxy, gateway and repository kept beside the segments in view.
     */
    ScrollPane scrolling() {
        if (scroll != null) {
            return scroll;
        }
        scroll = new ScrollPane(this) {
            @Override
            public javafx.geometry.Orientation getContentBias() {
                return javafx.geometry.Orientation.HORIZONTAL;
            }

            @Override
            protected double computeMinHeight(double width) {
                var insets = getInsets();
                double inside = width < 0 ? -1 : width - insets.getLeft() - insets.getRight();
                return Math.min(SCROLL_FROM, TopologyView.this.minHeight(inside)) + insets.getTop() + insets.getBottom();
            }
        };
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().addAll("card-scroll", "edge-to-edge");
        scroll.vvalueProperty().addListener((o, a, b) -> requestLayout());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> requestLayout());
        return scroll;
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    /** Tall enough for every segment with its workers at this width, and for the services beside them. */
    @Override
    protected double computeMinHeight(double width) {
        double segments = PAD * 2 + GAP * Math.max(0, this.segments.size() - 1);
        double segmentWidth = segmentWidth(width < 0 ? getWidth() : width);
        for (var box : this.segments.values()) {
            segments += box.prefHeight(segmentWidth);
        }
        return Math.max(segments, NODE_HEIGHT * 2 + PAD * 3);
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width) + 20;
    }

    private double segmentsX() {
        double x = PAD;
        if (nodes.containsKey("proxy")) {
            x += NODE_WIDTH + PROXY_GAP;
        }
        return x + NODE_WIDTH + SEGMENT_GAP;
    }

    private double segmentWidth(double width) {
        return Math.max(160, width - segmentsX() - PAD);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double x = PAD;
        // The part of the topology in view: all of it, or the scrolled-to part of a tall one.
        double shown = scroll == null ? h : Math.min(h, scroll.getViewportBounds().getHeight());
        double top = scroll == null || shown <= 0 ? 0 : (h - shown) * scroll.getVvalue();
        if (shown <= 0) {
            shown = h;
        }
        double mid = top + shown / 2;
        var proxy = nodes.get("proxy");
        var gateway = nodes.get("gateway");
        var repository = nodes.get("repository");
        if (proxy != null) {
            proxy.resizeRelocate(x, mid - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT);
            x += NODE_WIDTH + PROXY_GAP;
        }
        if (gateway != null) {
            gateway.resizeRelocate(x, mid - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT);
        }
        if (repository != null && gateway != null) {
            double below = Math.max(mid + NODE_HEIGHT / 2 + 12, top + shown - PAD - NODE_HEIGHT);
            repository.resizeRelocate(x, below, NODE_WIDTH, NODE_HEIGHT);
            place(edges.get("repository"), null, x + NODE_WIDTH / 2, mid + NODE_HEIGHT / 2, x + NODE_WIDTH / 2, below);
        }
        if (proxy != null && gateway != null) {
            place(edges.get("proxy"), null, PAD + NODE_WIDTH, mid, x, mid);
            // Above the two nodes: the gap between them is narrower than the label.
            var label = edgeLabels.get("proxy");
            label.autosize();
            label.relocate(PAD + NODE_WIDTH + PROXY_GAP / 2 - label.getWidth() / 2,
                    mid - NODE_HEIGHT / 2 - label.getHeight() - 3);
        }
        double segX = segmentsX();
        double segWidth = segmentWidth(w);
        // Each segment as tall as its workers need; what is left over spreads evenly between them.
        double needed = 0;
        for (var box : segments.values()) {
            needed += box.prefHeight(segWidth);
        }
        int n = Math.max(1, segments.size());
        double extra = Math.max(0, h - 2 * PAD - GAP * (n - 1) - needed) / n;
        double y = PAD;
        for (var entry : segments.entrySet()) {
            double height = entry.getValue().prefHeight(segWidth) + extra;
            entry.getValue().resizeRelocate(segX, y, segWidth, height);
            place(edges.get(entry.getKey()), edgeLabels.get(entry.getKey()), x + NODE_WIDTH, mid, segX, y + height / 2);
            y += height + GAP;
        }
    }

    private void place(Line line, Label label, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
        if (label != null) {
            label.autosize();
            double lx = x1 + (x2 - x1) * 0.55 - label.getWidth() / 2;
            double ly = y1 + (y2 - y1) * 0.55 - label.getHeight() / 2;
            label.relocate(lx, ly);
        }
    }

    /** A segment: its name, balancing and worker count with scale buttons, and a chip per worker. */
    private final class SegmentBox extends VBox {
        private final SegmentLoad segment;
        private final FlowPane chips = new FlowPane(4, 4);

        SegmentBox(SegmentLoad segment) {
            this.segment = segment;
            getStyleClass().add("segment-box");
            var name = new Label(segment.name());
            name.getStyleClass().add("segment-name");
            // The name is never cut short; the details give way first.
            name.setMinWidth(Region.USE_PREF_SIZE);
            var balancing = new Label(segment.balancing().json());
            balancing.setMinWidth(0);
            balancing.getStyleClass().add("muted");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var fewer = scaleButton("fth-minus", "Remove a worker from " + segment.name(), -1);
            var more = scaleButton("fth-plus", "Add a worker to " + segment.name(), +1);
            // The count sits between the buttons that change it, so it stays whole when the balancing gives way.
            var count = new Label();
            count.setId("workers-" + segment.name());
            count.textProperty().bind(segment.workersProperty().asString());
            count.getStyleClass().addAll("muted", "worker-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            var countTip = new Tooltip();
            countTip.textProperty().bind(Bindings.createStringBinding(() -> segment.workersProperty().get()
                    + " workers, " + segment.balancing().json(), segment.workersProperty()));
            count.setTooltip(countTip);
            var header = new HBox(6, name, balancing, spacer, fewer, count, more);
            header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setSpacing(3);
            getChildren().addAll(header, chips);
            fill();
        }

        private Button scaleButton(String icon, String tip, int change) {
            var button = new Button(null, new FontIcon(icon));
            button.getStyleClass().addAll("flat", "small", "scale-button");
            button.setTooltip(new Tooltip(tip));
            button.setId("scale-" + segment.name() + (change > 0 ? "-up" : "-down"));
            button.setOnAction(e -> monitor.scale(segment.name(), change));
            return button;
        }

        void fill() {
            chips.getChildren().clear();
            for (var row : monitor.processes()) {
                if (row.isWorker() && segment.name().equals(row.segment())) {
                    chips.getChildren().add(chip(row));
                }
            }
        }

        private HBox chip(ProcessRow row) {
            var name = new Label(Styles.shortName(row.name()));
            name.getStyleClass().add("chip-name");
            var rate = new Label();
            rate.textProperty().bind(Bindings.createStringBinding(() -> Styles.rate(row.callsPerSecondProperty().get()),
                    row.callsPerSecondProperty()));
            rate.getStyleClass().add("chip-rate");
            var chip = new HBox(4, Styles.dot(row.healthProperty()), name, rate);
            chip.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            chip.getStyleClass().add("worker-chip");
            chip.setId("chip-" + row.name());
            Styles.health(chip, row.healthProperty());
            chip.pseudoClassStateChanged(SELECTED, monitor.selectedProperty().get() == row);
            var tip = new Tooltip();
            tip.textProperty().bind(row.stateProperty());
            Tooltip.install(chip, tip);
            chip.setOnMouseClicked(e -> monitor.select(row.name()));
            return chip;
        }
    }
}
