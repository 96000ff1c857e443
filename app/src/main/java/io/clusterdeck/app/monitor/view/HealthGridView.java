package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.ProcessRow;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every process with its state, pid, uptime, restarts, memory, in-flight calls and rate (a worker's served, a
 * gateway's forwarded); faults on a worker or a gateway.
 */
final class HealthGridView extends VBox {
    private static final double ROW = 20;
    private static final double HEADER = 36;
    /** A grid of up to this many processes always shows every one of them. */
    static final int ALL_ROWS_UP_TO = 10;
    /** The rows a larger grid keeps in view when the window is short of room; it scrolls for the rest. */
    static final int ROWS_IN_VIEW = 8;
    private final MonitorViewModel monitor;
    private final TableView<ProcessRow> table = new TableView<>();

    HealthGridView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("health-grid");
        setSpacing(6);
        table.setItems(monitor.processes());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll("dense", "striped");
        table.setFixedCellSize(ROW);
        // Tall enough for every process where there is room.
        var rows = Bindings.size(monitor.processes());
        table.prefHeightProperty().bind(rows.multiply(ROW).add(HEADER));
        table.minHeightProperty().bind(Bindings.createDoubleBinding(() -> (rows.get() <= ALL_ROWS_UP_TO ? rows.get()
                : ROWS_IN_VIEW) * ROW + HEADER, rows));
        table.setMaxHeight(Region.USE_PREF_SIZE);
        var name = new TableColumn<ProcessRow, ProcessRow>("Process");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(186);
        table.getColumns().add(name);
        table.getColumns().add(column("State", 72, ProcessRow::stateProperty));
        table.getColumns().add(column("PID", 50, r -> Bindings.createStringBinding(() -> r.pidProperty().get() > 0
                ? Long.toString(r.pidProperty().get()) : "—", r.pidProperty())));
        table.getColumns().add(column("Uptime", 72, ProcessRow::uptimeProperty));
        table.getColumns().add(column("Restarts", 72, r -> r.restartsProperty().asString()));
        table.getColumns().add(column("Memory", 70, ProcessRow::memoryProperty));
        table.getColumns().add(column("In flight", 70, r -> carriesCalls(r) ? r.inFlightProperty().asString()
                : new javafx.beans.property.SimpleStringProperty("")));
        table.getColumns().add(column("Calls/s", 60, r -> carriesCalls(r) ? Bindings.createStringBinding(
                () -> Styles.rate(r.callsPerSecondProperty().get()), r.callsPerSecondProperty())
                : new javafx.beans.property.SimpleStringProperty("")));
        table.setRowFactory(t -> new HealthRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                monitor.select(row.name());
            }
        });
        monitor.selectedProperty().addListener((o, a, row) -> {
            if (row != null && table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                // Only as far as needed: TableView.scrollTo would put the row on top, leaving the rows above unseen.
                if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                    flow.scrollTo(table.getItems().indexOf(row));
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);
    }

    /** The processes whose calls the grid counts, and faults can be caused on: workers and gateways. */
    private static boolean carriesCalls(ProcessRow row) {
        return row.isWorker() || row.isGateway();
    }

    /** What can be done to the selected worker or gateway, for the card's title row. */
    HBox actions() {
        var bar = new HBox(4,
                action("kill", "Kill", "fth-x-octagon", "danger", HealthGridView::carriesCalls, monitor::kill),
                action("pause", "Pause", "fth-pause", null, HealthGridView::carriesCalls, monitor::pause),
                action("resume", "Resume", "fth-play", null, HealthGridView::carriesCalls, monitor::resume),
                action("make-unhealthy", "Unhealthy", "fth-thumbs-down", null, ProcessRow::isWorker,
                        w -> monitor.setHealthy(w, false)),
                action("make-healthy", "Healthy", "fth-thumbs-up", null, ProcessRow::isWorker,
                        w -> monitor.setHealthy(w, true)),
                action("restart", "Restart", "fth-refresh-cw", null, HealthGridView::carriesCalls, monitor::restart));
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("action-bar");
        bar.setMinWidth(0);
        return bar;
    }

    private Button action(String id, String text, String icon, String style,
                          java.util.function.Predicate<ProcessRow> applies, java.util.function.Consumer<String> command) {
        var button = new Button(text, new FontIcon(icon));
        button.getStyleClass().add("small");
        if (style != null) {
            button.getStyleClass().add(style);
        }
        button.setTooltip(new javafx.scene.control.Tooltip(switch (id) {
            case "kill" -> "Kill the selected worker or gateway (SIGKILL); its restart policy decides what follows";
            case "pause" -> "Pause the selected worker or gateway (SIGSTOP), as a stuck process would hang";
            case "resume" -> "Resume the paused worker or gateway (SIGCONT)";
            case "make-unhealthy" -> "Make the selected worker report itself unhealthy; it keeps running";
            case "make-healthy" -> "Make the selected worker report itself healthy again";
            default -> "Restart the selected worker or gateway gracefully";
        }));
        button.setId("action-" + id);
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> monitor.selectedProperty().get() == null
                || !applies.test(monitor.selectedProperty().get()), monitor.selectedProperty()));
        button.setOnAction(e -> command.accept(monitor.selectedProperty().get().name()));
        return button;
    }

    private static TableColumn<ProcessRow, String> column(String title, double width,
                                                          Function<ProcessRow, ObservableValue<String>> value) {
        var column = new TableColumn<ProcessRow, String>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(width);
        // Never narrower than its title: a grid short of room scrolls sideways rather than cut a heading.
        column.setMinWidth(width);
        return column;
    }

    private final class HealthRow extends TableRow<ProcessRow> {
        private final javafx.beans.value.ChangeListener<Health> listener = (o, a, b) -> Styles.apply(this, b);

        @Override
        protected void updateItem(ProcessRow row, boolean empty) {
            var before = getItem();
            if (before != null) {
                before.healthProperty().removeListener(listener);
            }
            super.updateItem(row, empty);
            if (row == null || empty) {
                Styles.apply(this, null);
                setContextMenu(null);
                return;
            }
            Styles.apply(this, row.health());
            row.healthProperty().addListener(listener);
            if (row.isWorker()) {
                var menu = new ContextMenu(
                        item("Kill", () -> monitor.kill(row.name())),
                        item("Pause", () -> monitor.pause(row.name())),
                        item("Resume", () -> monitor.resume(row.name())),
                        item("Make unhealthy", () -> monitor.setHealthy(row.name(), false)),
                        item("Make healthy", () -> monitor.setHealthy(row.name(), true)),
                        item("Restart", () -> monitor.restart(row.name())));
                setContextMenu(menu);
            } else if (row.isGateway()) {
                setContextMenu(new ContextMenu(
                        item("Kill", () -> monitor.kill(row.name())),
                        item("Pause", () -> monitor.pause(row.name())),
                        item("Resume", () -> monitor.resume(row.name())),
                        item("Restart", () -> monitor.restart(row.name()))));
            } else {
                setContextMenu(null);
            }
        }

        private MenuItem item(String text, Runnable action) {
            var item = new MenuItem(text);
            item.setOnAction(e -> action.run());
            return item;
        }
    }

    private static final class NameCell extends TableCell<ProcessRow, ProcessRow> {
        @Override
        protected void updateItem(ProcessRow row, boolean empty) {
            super.updateItem(row, empty);
            if (row == null || empty) {
                setGraphic(null);
                setText(null);
                return;
            }
            // Workers by their segment and number, as the topology names them; the tooltip has the full name.
            var label = new Label(Styles.shortName(row.name()));
            label.setTooltip(new javafx.scene.control.Tooltip(row.name()));
            var box = new HBox(6, Styles.dot(row.healthProperty()), label);
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
        }
    }
}
