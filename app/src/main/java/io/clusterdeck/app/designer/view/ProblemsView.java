package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.ElementProblem;
import io.clusterdeck.app.designer.Selection;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Every problem of the design as file, line and message; clicking one selects the element it concerns. */
final class ProblemsView extends StackPane {
    ProblemsView(DesignerViewModel model) {
        getStyleClass().add("problems-view");
        var list = new ListView<ElementProblem>(model.problems());
        list.setId("problems-list");
        var ok = new Label("No problems: the design can be planned and launched.", new FontIcon(Feather.CHECK_CIRCLE));
        ok.getStyleClass().add("no-problems");
        list.setPlaceholder(ok);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ElementProblem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                var icon = new FontIcon(Feather.ALERT_TRIANGLE);
                icon.getStyleClass().add("problem-icon");
                var where = new Label(item.where());
                where.getStyleClass().add("problem-where");
                where.setMinWidth(Label.USE_PREF_SIZE);
                var path = new Label(item.problem().path());
                path.getStyleClass().add("problem-path");
                path.setMinWidth(Label.USE_PREF_SIZE);
                var message = new Label(item.message());
                message.getStyleClass().add("problem-message");
                HBox.setHgrow(message, Priority.ALWAYS);
                var row = new HBox(10, icon, where, path, message);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.element().kind() != Selection.Kind.NONE) {
                model.selectionProperty().set(now.element());
            }
        });
        getChildren().add(list);
    }
}
