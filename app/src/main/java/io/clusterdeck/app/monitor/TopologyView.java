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
    private static final double NODE_WIDTH = 136;

    private final MonitorViewModel monitor;
    private final Map<String, VBox> nodes = new LinkedHashMap<>();
    private final Map<String, SegmentBox> segments = new LinkedHashMap<>();
    private final Map<String, Line> edges = new LinkedHashMap<>();
    private final Map<String, Label> edgeLabels = new LinkedHashMap<>();

    TopologyView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("topology");
        setMinHeight(260);
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

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double pad = 12;
        double nodeHeight = 46;
        double x = pad;
        double mid = h / 2;
        var proxy = nodes.get("proxy");
        var gateway = nodes.get("gateway");
        var repository = nodes.get("repository");
        if (proxy != null) {
            proxy.resizeRelocate(x, mid - nodeHeight / 2, NODE_WIDTH, nodeHeight);
            x += NODE_WIDTH + 60;
        }
        if (gateway != null) {
            gateway.resizeRelocate(x, mid - nodeHeight / 2, NODE_WIDTH, nodeHeight);
        }
        if (repository != null && gateway != null) {
            repository.resizeRelocate(x, h - pad - nodeHeight, NODE_WIDTH, nodeHeight);
            place(edges.get("repository"), null, x + NODE_WIDTH / 2, mid + nodeHeight / 2, x + NODE_WIDTH / 2,
                    h - pad - nodeHeight);
        }
        if (proxy != null && gateway != null) {
            place(edges.get("proxy"), edgeLabels.get("proxy"), pad + NODE_WIDTH, mid, x, mid);
        }
        double segX = x + NODE_WIDTH + 80;
        double segWidth = Math.max(160, w - segX - pad);
        int n = Math.max(1, segments.size());
        double gap = 8;
        double segHeight = (h - 2 * pad - gap * (n - 1)) / n;
        int i = 0;
        for (var entry : segments.entrySet()) {
            double y = pad + i * (segHeight + gap);
            entry.getValue().resizeRelocate(segX, y, segWidth, segHeight);
            place(edges.get(entry.getKey()), edgeLabels.get(entry.getKey()), x + NODE_WIDTH, mid, segX, y + segHeight / 2);
            i++;
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
        private final FlowPane chips = new FlowPane(6, 6);

        SegmentBox(SegmentLoad segment) {
            this.segment = segment;
            getStyleClass().add("segment-box");
            var name = new Label(segment.name());
            name.getStyleClass().add("segment-name");
            var detail = new Label();
            detail.textProperty().bind(Bindings.createStringBinding(() -> segment.balancing().json() + " · "
                    + segment.workersProperty().get() + " workers", segment.workersProperty()));
            detail.getStyleClass().add("muted");
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var fewer = scaleButton("fth-minus", "Remove a worker from " + segment.name(), -1);
            var more = scaleButton("fth-plus", "Add a worker to " + segment.name(), +1);
            var header = new HBox(6, name, detail, spacer, fewer, more);
            header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setSpacing(4);
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
            var chip = new HBox(5, Styles.dot(row.healthProperty()), name, rate);
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
