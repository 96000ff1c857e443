package io.clusterdeck.app.monitor;

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

/** Every process with its state, pid, uptime, restarts, memory, in-flight calls and rate; actions on a worker. */
final class HealthGridView extends VBox {
    private final MonitorViewModel monitor;
    private final TableView<ProcessRow> table = new TableView<>();

    HealthGridView(MonitorViewModel monitor) {
        this.monitor = monitor;
        getStyleClass().add("health-grid");
        setSpacing(6);
        table.setItems(monitor.processes());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll("dense", "striped");
        table.setFixedCellSize(22);
        var name = new TableColumn<ProcessRow, ProcessRow>("Process");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(165);
        table.getColumns().add(name);
        table.getColumns().add(column("State", 130, ProcessRow::stateProperty));
        table.getColumns().add(column("PID", 60, r -> Bindings.createStringBinding(() -> r.pidProperty().get() > 0
                ? Long.toString(r.pidProperty().get()) : "—", r.pidProperty())));
        table.getColumns().add(column("Uptime", 80, ProcessRow::uptimeProperty));
        table.getColumns().add(column("Restarts", 70, r -> r.restartsProperty().asString()));
        table.getColumns().add(column("Memory", 70, ProcessRow::memoryProperty));
        table.getColumns().add(column("In flight", 70, r -> r.isWorker() ? r.inFlightProperty().asString()
                : new javafx.beans.property.SimpleStringProperty("")));
        table.getColumns().add(column("Calls/s", 70, r -> r.isWorker() ? Bindings.createStringBinding(
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
                table.scrollTo(row);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(actions(), table);
    }

    private HBox actions() {
        var selected = new Label();
        selected.textProperty().bind(Bindings.createStringBinding(() -> monitor.selectedProperty().get() == null
                ? "Select a process" : monitor.selectedProperty().get().name(), monitor.selectedProperty()));
        selected.getStyleClass().add("selected-name");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(4, selected, spacer,
                action("Kill", "fth-x-octagon", "danger", monitor::kill),
                action("Pause", "fth-pause", null, monitor::pause),
                action("Resume", "fth-play", null, monitor::resume),
                action("Make unhealthy", "fth-thumbs-down", null, w -> monitor.setHealthy(w, false)),
                action("Make healthy", "fth-thumbs-up", null, w -> monitor.setHealthy(w, true)),
                action("Restart", "fth-refresh-cw", null, monitor::restart));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("action-bar");
        return bar;
    }

    private Button action(String text, String icon, String style, java.util.function.Consumer<String> command) {
        var button = new Button(text, new FontIcon(icon));
        button.getStyleClass().add("small");
        if (style != null) {
            button.getStyleClass().add(style);
        }
        button.setId("action-" + text.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> monitor.selectedProperty().get() == null
                || !monitor.selectedProperty().get().isWorker(), monitor.selectedProperty()));
        button.setOnAction(e -> command.accept(monitor.selectedProperty().get().name()));
        return button;
    }

    private static TableColumn<ProcessRow, String> column(String title, double width,
                                                          Function<ProcessRow, ObservableValue<String>> value) {
        var column = new TableColumn<ProcessRow, String>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(width);
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
            var label = new Label(row.name());
            var box = new HBox(6, Styles.dot(row.healthProperty()), label);
            box.setAlignment(Pos.CENTER_LEFT);
            setGraphic(box);
        }
    }
}
