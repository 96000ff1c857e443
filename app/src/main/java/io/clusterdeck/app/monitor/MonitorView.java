package io.clusterdeck.app.monitor;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live view of a running cluster: traffic on top; topology and health grid on the left; load distribution and
 * latency on the right; the timeline with its fault reports and the selected process's log at the bottom. It only
 * binds to its view-model; whoever shows it calls {@link MonitorViewModel#frame} a few times a second.
 */
public final class MonitorView extends BorderPane {
    public static final String STYLESHEET = MonitorView.class.getResource("monitor.css").toExternalForm();

    private final MonitorViewModel monitor;

    /**
     * What the window that shows the view offers besides watching.
     *
     * @param stop         stops the cluster, or null when the view cannot
     * @param showDesigner brings the designer to the front, or null
     */
    public record Actions(Runnable stop, Runnable showDesigner) {
        public static final Actions NONE = new Actions(null, null);
    }

    public MonitorView(MonitorViewModel monitor) {
        this(monitor, Actions.NONE);
    }

    public MonitorView(MonitorViewModel monitor, Actions actions) {
        this.monitor = monitor;
        getStyleClass().add("monitor");
        getStylesheets().add(STYLESHEET);
        setTop(new VBox(header(monitor, actions), new TrafficBar(monitor)));

        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        var left = new ColumnConstraints();
        left.setPercentWidth(55);
        var right = new ColumnConstraints();
        right.setPercentWidth(45);
        grid.getColumnConstraints().addAll(left, right);
        var top = new RowConstraints();
        top.setPercentHeight(35);
        var middle = new RowConstraints();
        middle.setPercentHeight(34);
        var bottom = new RowConstraints();
        bottom.setPercentHeight(31);
        grid.getRowConstraints().addAll(top, middle, bottom);

        var topology = Styles.card("Topology", new TopologyView(monitor));
        VBox.setVgrow(topology.getChildren().get(1), Priority.ALWAYS);
        var health = Styles.card("Health", new HealthGridView(monitor));
        VBox.setVgrow(health.getChildren().get(1), Priority.ALWAYS);
        var load = Styles.card("Load distribution", new LoadView(monitor));
        var latency = Styles.card("Latency", new LatencyView(monitor));
        var timeline = Styles.card("Timeline", new TimelineView(monitor));
        VBox.setVgrow(timeline.getChildren().get(1), Priority.ALWAYS);
        var log = new LogView(monitor);
        log.getStyleClass().add("card");

        grid.add(topology, 0, 0);
        grid.add(health, 0, 1);
        grid.add(timeline, 0, 2);
        grid.add(load, 1, 0);
        grid.add(latency, 1, 1);
        grid.add(log, 1, 2);
        for (var cell : grid.getChildren()) {
            GridPane.setFillHeight(cell, true);
            GridPane.setFillWidth(cell, true);
            if (cell instanceof Region region) {
                region.setMinHeight(0);
                region.setMaxHeight(Double.MAX_VALUE);
            }
        }
        setCenter(grid);
    }

    private static HBox header(MonitorViewModel monitor, Actions actions) {
        var title = new Label(monitor.designName(), new FontIcon("fth-layers"));
        title.getStyleClass().add("design-title");
        var live = new Label("LIVE");
        live.getStyleClass().add("live-badge");
        var summary = new Label();
        summary.textProperty().bind(monitor.summaryProperty());
        summary.getStyleClass().add("summary");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var message = new Label();
        message.textProperty().bind(monitor.messageProperty());
        message.getStyleClass().add("message");
        message.setMinWidth(0);
        var header = new HBox(10, title, live, summary, spacer, message);
        if (actions.showDesigner() != null) {
            var designer = new Button("Designer", new FontIcon("fth-edit-3"));
            designer.setId("monitor-designer");
            designer.setTooltip(new Tooltip("Bring the designer to the front"));
            designer.setMinWidth(Region.USE_PREF_SIZE);
            designer.setOnAction(e -> actions.showDesigner().run());
            header.getChildren().add(designer);
        }
        if (actions.stop() != null) {
            var stop = new Button("Stop", new FontIcon("fth-square"));
            stop.setId("monitor-stop");
            stop.getStyleClass().add("danger");
            stop.setTooltip(new Tooltip("Stop every process of the cluster (Shift+F5)"));
            stop.setMinWidth(Region.USE_PREF_SIZE);
            stop.setOnAction(e -> actions.stop().run());
            header.getChildren().add(stop);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("monitor-header");
        return header;
    }

    /** The view-model this view shows. */
    public MonitorViewModel model() {
        return monitor;
    }
}
