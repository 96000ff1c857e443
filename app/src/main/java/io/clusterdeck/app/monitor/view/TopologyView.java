package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.ProcessRow;
import io.clusterdeck.app.monitor.SegmentLoad;
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
 * coloured by health, edges labelled with calls per second. Several gateways stand one above the other, each joined
 * to the proxy and to every segment, each with the calls a second it forwards. A click on a node selects it.
 */
final class TopologyView extends Pane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double NODE_WIDTH = 128;
    private static final double NODE_HEIGHT = 46;
    private static final double PAD = 8;
    private static final double GAP = 6;
    private static final double PROXY_GAP = 40;
    private static final double SEGMENT_GAP = 40;
    private static final double GATEWAY_GAP = 10;
    /** Room above the gateways for the label of the calls entering through the proxy. */
    private static final double LABEL_ROOM = 22;
    /** A topology taller than this scrolls inside its card rather than pushing the cards below it away. */
    private static final double SCROLL_FROM = 220;

    private final MonitorViewModel monitor;
    private final Map<String, VBox> nodes = new LinkedHashMap<>();
    private final List<VBox> gateways = new java.util.ArrayList<>();
    private final Map<String, SegmentBox> segments = new LinkedHashMap<>();
    /** Edges by where they lead: "proxy" (to each gateway), "repository", or a segment (from each gateway). */
    private final Map<String, List<Line>> edges = new LinkedHashMap<>();
    private final Map<String, Label> edgeLabels = new LinkedHashMap<>();
    private ScrollPane scroll;

    TopologyView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("topology");
        var gatewayRows = monitor.processes().stream().filter(ProcessRow::isGateway).toList();
        for (var role : List.of(Role.PROXY, Role.GATEWAY, Role.REPOSITORY)) {
            monitor.processes().stream().filter(p -> p.role() == role).limit(role == Role.GATEWAY ? Long.MAX_VALUE : 1)
                    .forEach(row -> nodes.put(row.name(), serviceNode(row, gatewayRows.size() > 1)));
        }
        gatewayRows.forEach(row -> gateways.add(nodes.get(row.name())));
        for (var segment : monitor.segments()) {
            segments.put(segment.name(), new SegmentBox(segment));
        }
        int fan = Math.max(1, gateways.size());
        if (nodes.containsKey("proxy")) {
            edge("proxy", fan, Bindings.createStringBinding(() -> Styles.rate(monitor.entryCallsPerSecond()),
                    monitor.framesProperty()));
        }
        if (nodes.containsKey("repository")) {
            edge("repository", 1, null).get(0).getStyleClass().add("dashed");
        }
        for (var segment : monitor.segments()) {
            edge(segment.name(), fan, Bindings.createStringBinding(
                    () -> Styles.rate(segment.callsPerSecondProperty().get()), segment.callsPerSecondProperty()));
        }
        // An edge to or from a gateway that is down fades with it: calls do not take it.
        for (int i = 0; i < gatewayRows.size(); i++) {
            var health = gatewayRows.get(i).healthProperty();
            for (var to : edges.keySet()) {
                if (!to.equals("repository")) {
                    Styles.health(edges.get(to).get(i), health);
                }
            }
        }
        edges.values().forEach(getChildren()::addAll);
        getChildren().addAll(edgeLabels.values());
        getChildren().addAll(nodes.values());
        getChildren().addAll(segments.values());
        monitor.processes().addListener((ListChangeListener<ProcessRow>) c -> segments.values().forEach(SegmentBox::fill));
        monitor.selectedProperty().addListener((o, a, b) -> segments.values().forEach(SegmentBox::fill));
    }

    /** {@code count} lines to one place, one from (or to) each gateway, and one label for them all. */
    private List<Line> edge(String to, int count, javafx.beans.binding.StringBinding text) {
        var lines = new java.util.ArrayList<Line>();
        for (int i = 0; i < count; i++) {
            var line = new Line();
            line.getStyleClass().add("edge");
            lines.add(line);
        }
        edges.put(to, lines);
        if (text != null) {
            var label = new Label();
            label.textProperty().bind(text);
            label.getStyleClass().add("edge-label");
            edgeLabels.put(to, label);
        }
        return lines;
    }

    /** @param withRate whether the node says the calls a second it forwards: a gateway among several */
    private VBox serviceNode(ProcessRow row, boolean withRate) {
        var icon = new FontIcon(row.role() == Role.PROXY ? "fth-globe" : row.role() == Role.GATEWAY ? "fth-shuffle"
                : "fth-database");
        var title = new Label(row.name(), icon);
        title.getStyleClass().add("node-title");
        var state = new Label();
        if (withRate && row.isGateway()) {
            // The rate while it forwards calls; otherwise what keeps it from doing so is news enough.
            state.textProperty().bind(Bindings.createStringBinding(() -> row.health() != Health.UP
                    ? row.stateProperty().get() : row.stateProperty().get() + " · "
                    + Styles.rate(row.callsPerSecondProperty().get()), row.stateProperty(), row.healthProperty(),
                    row.callsPerSecondProperty()));
        } else {
            state.textProperty().bind(row.stateProperty());
        }
        state.getStyleClass().add("node-detail");
        var node = new VBox(2, title, state);
        node.getStyleClass().add("service-node");
        node.setId("node-" + row.name());
        Styles.health(node, row.healthProperty());
        node.pseudoClassStateChanged(SELECTED, monitor.selectedProperty().get() == row);
        monitor.selectedProperty().addListener((o, a, b) -> node.pseudoClassStateChanged(SELECTED, b == row));
        var tip = new Tooltip();
        tip.textProperty().bind(state.textProperty());
        Tooltip.install(node, tip);
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
        if (gateways.size() > 1) {
            return Math.max(segments, PAD * 2 + LABEL_ROOM + stackHeight() + 12 + NODE_HEIGHT);
        }
        return Math.max(segments, NODE_HEIGHT * 2 + PAD * 3);
    }

    private double stackHeight() {
        return gateways.size() * NODE_HEIGHT + Math.max(0, gateways.size() - 1) * GATEWAY_GAP;
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
        return x + gatewayWidth() + SEGMENT_GAP;
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
        double gatewayWidth = gatewayWidth();
        var proxy = nodes.get("proxy");
        var repository = nodes.get("repository");
        // The gateways one above the other, around the middle, with room above them for the proxy's label.
        double stackTop = gateways.size() > 1 ? Math.max(top + PAD + LABEL_ROOM, mid - stackHeight() / 2)
                : mid - NODE_HEIGHT / 2;
        double stackMid = stackTop + stackHeight() / 2;
        if (proxy != null) {
            proxy.resizeRelocate(x, mid - NODE_HEIGHT / 2, NODE_WIDTH, NODE_HEIGHT);
            x += NODE_WIDTH + PROXY_GAP;
        }
        for (int i = 0; i < gateways.size(); i++) {
            gateways.get(i).resizeRelocate(x, gatewayY(stackTop, i), gatewayWidth, NODE_HEIGHT);
        }
        if (repository != null && !gateways.isEmpty()) {
            double stackBottom = stackTop + stackHeight();
            double below = Math.max(stackBottom + 12, top + shown - PAD - NODE_HEIGHT);
            repository.resizeRelocate(x, below, gatewayWidth, NODE_HEIGHT);
            place(edges.get("repository").get(0), null, x + gatewayWidth / 2, stackBottom, x + gatewayWidth / 2, below);
        }
        if (proxy != null && !gateways.isEmpty()) {
            var toGateways = edges.get("proxy");
            for (int i = 0; i < gateways.size(); i++) {
                place(toGateways.get(i), null, PAD + NODE_WIDTH, mid, x, gatewayY(stackTop, i) + NODE_HEIGHT / 2);
            }
            // Above the nodes: the gap between them is narrower than the label.
            var label = edgeLabels.get("proxy");
            label.autosize();
            label.relocate(PAD + NODE_WIDTH + PROXY_GAP / 2 - label.getWidth() / 2,
                    Math.min(mid - NODE_HEIGHT / 2, stackTop) - label.getHeight() - 3);
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
            var lines = edges.get(entry.getKey());
            for (int i = 0; i < lines.size(); i++) {
                place(lines.get(i), null, x + gatewayWidth, gatewayY(stackTop, i) + NODE_HEIGHT / 2, segX, y + height / 2);
            }
            // One label for the segment, where the middle of the fan would run.
            placeLabel(edgeLabels.get(entry.getKey()), x + gatewayWidth, stackMid, segX, y + height / 2);
            y += height + GAP;
        }
    }

    /** The gateways' column: wide enough for names like gateway-2 when there are several. */
    private double gatewayWidth() {
        if (gateways.size() < 2) {
            return NODE_WIDTH;
        }
        double widest = 0;
        for (var node : gateways) {
            var title = node.getChildren().get(0);
            widest = Math.max(widest, title.prefWidth(-1) + node.getInsets().getLeft() + node.getInsets().getRight());
        }
        return Math.max(NODE_WIDTH, Math.ceil(widest) + 2);
    }

    private static double gatewayY(double stackTop, int i) {
        return stackTop + i * (NODE_HEIGHT + GATEWAY_GAP);
    }

    private void place(Line line, Label label, double x1, double y1, double x2, double y2) {
        line.setStartX(x1);
        line.setStartY(y1);
        line.setEndX(x2);
        line.setEndY(y2);
        placeLabel(label, x1, y1, x2, y2);
    }

    private static void placeLabel(Label label, double x1, double y1, double x2, double y2) {
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
