package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.ProfileRecorder;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
     * @param profile      records profiles of the cluster, or null when the view cannot
     */
    public record Actions(Runnable stop, Runnable showDesigner, ProfileRecorder profile) {
        public static final Actions NONE = new Actions(null, null, null);

        public Actions(Runnable stop, Runnable showDesigner) {
            this(stop, showDesigner, null);
        }
    }

    public MonitorView(MonitorViewModel monitor) {
        this(monitor, Actions.NONE);
    }

    public MonitorView(MonitorViewModel monitor, Actions actions) {
        this.monitor = monitor;
        getStyleClass().add("monitor");
        getStylesheets().add(STYLESHEET);
        setTop(new VBox(header(monitor, actions), new TrafficBar(monitor)));

        var health = new HealthGridView(monitor);
        var healthCard = Styles.card("Health", health.actions(), health);
        // The grid shows every process where there is room; a large cluster's grid scrolls.
        healthCard.setMaxHeight(Region.USE_PREF_SIZE);
        var left = column(
                grow(Styles.card("Topology", new TopologyView(monitor).scrolling()), Priority.ALWAYS),
                healthCard,
                grow(Styles.card("Timeline", TimelineView.legend(), new TimelineView(monitor)), Priority.ALWAYS));
        var log = new LogView(monitor);
        log.getStyleClass().add("card");
        log.setMinHeight(140);
        // The right column in fixed shares, each card scrolling inside itself: the log never pushes the rest away.
        var right = new GridPane();
        right.setVgap(8);
        right.setMinWidth(0);
        for (double share : new double[] {44, 30, 26}) {
            var row = new RowConstraints();
            row.setPercentHeight(share);
            row.setFillHeight(true);
            right.getRowConstraints().add(row);
        }
        var fill = new ColumnConstraints();
        fill.setHgrow(Priority.ALWAYS);
        fill.setFillWidth(true);
        right.getColumnConstraints().add(fill);
        right.add(grow(Styles.card("Load distribution", Styles.scrolling(new LoadView(monitor))), Priority.ALWAYS), 0, 0);
        right.add(grow(Styles.card("Latency", Styles.scrolling(new LatencyView(monitor))), Priority.ALWAYS), 0, 1);
        right.add(log, 0, 2);
        for (var cell : right.getChildren()) {
            ((Region) cell).setMinHeight(0);
            ((Region) cell).setMaxHeight(Double.MAX_VALUE);
        }

        var grid = new GridPane();
        grid.setHgap(8);
        grid.setPadding(new Insets(8));
        var leftWidth = new ColumnConstraints();
        leftWidth.setPercentWidth(55);
        var rightWidth = new ColumnConstraints();
        rightWidth.setPercentWidth(45);
        grid.getColumnConstraints().addAll(leftWidth, rightWidth);
        var row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        row.setFillHeight(true);
        grid.getRowConstraints().add(row);
        grid.add(left, 0, 0);
        grid.add(right, 1, 0);
        // A window smaller than everything needs scrolls as a whole; nothing is drawn over anything else.
        var scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll("monitor-scroll", "edge-to-edge");
        setCenter(scroll);
    }

    private static VBox column(Region... cards) {
        var column = new VBox(8, cards);
        column.setMinWidth(0);
        column.setFillWidth(true);
        return column;
    }

    private static Region grow(VBox card, Priority priority) {
        VBox.setVgrow(card, priority);
        if (card.getChildren().size() > 1) {
            VBox.setVgrow(card.getChildren().get(card.getChildren().size() - 1), Priority.ALWAYS);
        }
        return card;
    }

    private static HBox header(MonitorViewModel monitor, Actions actions) {
        var title = new Label(monitor.designName(), new FontIcon("fth-layers"));
        title.getStyleClass().add("design-title");
        var live = new Label("LIVE");
        live.getStyleClass().add("live-badge");
        var summary = new Label();
        summary.textProperty().bind(monitor.summaryProperty());
        summary.getStyleClass().add("summary");
        var memory = new Label(null, new FontIcon("fth-cpu"));
        memory.setId("cluster-memory");
        memory.textProperty().bind(Bindings.createStringBinding(() -> monitor.memoryProperty().get().text(),
                monitor.memoryProperty()));
        memory.visibleProperty().bind(memory.textProperty().isNotEmpty());
        memory.managedProperty().bind(memory.visibleProperty());
        memory.getStyleClass().add("summary");
        memory.setMinWidth(Region.USE_PREF_SIZE);
        memory.setTooltip(new Tooltip("The memory every process of the cluster holds (pages shared between processes counted once), "
                + "read every second; this app launched them and holds its own beside them"));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var message = new Label();
        message.textProperty().bind(monitor.messageProperty());
        message.getStyleClass().add("message");
        message.setMinWidth(0);
        var header = new HBox(10, title, live, summary, memory, spacer, message);
        if (actions.profile() != null) {
            header.getChildren().add(new ProfileButton(actions.profile()));
        }
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
