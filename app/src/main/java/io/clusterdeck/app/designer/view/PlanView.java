package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.PlanRow;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The processes the design would run as, with their ports: read-only. */
final class PlanView extends VBox {
    PlanView(DesignerViewModel model) {
        getStyleClass().add("plan-view");
        var status = new Label();
        status.getStyleClass().add("plan-status");
        status.textProperty().bind(model.planStatusProperty());
        var table = new TableView<PlanRow>(model.plan());
        table.setId("plan-table");
        table.getStyleClass().addAll("dense", "striped");
        table.getColumns().add(column("Process", PlanRow::name, 190));
        table.getColumns().add(column("Role", PlanRow::role, 110));
        table.getColumns().add(column("Segment", PlanRow::segment, 120));
        table.getColumns().add(column("Port", r -> Integer.toString(r.port()), 70));
        table.getColumns().add(column("URL", PlanRow::url, 220));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No plan yet"));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(status, table);
    }

    private static TableColumn<PlanRow, String> column(String title, Function<PlanRow, String> value, double width) {
        var column = new TableColumn<PlanRow, String>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
