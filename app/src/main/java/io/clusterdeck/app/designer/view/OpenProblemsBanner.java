package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.DesignerViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the canvas, why the file just chosen could not be opened, one line a problem, while the design shown stays
 * the one before; it takes no room when there is nothing to say, and the user can close it.
 */
final class OpenProblemsBanner extends VBox {
    private final DesignerViewModel model;

    OpenProblemsBanner(DesignerViewModel model) {
        super(4);
        this.model = model;
        getStyleClass().add("open-problems");
        setId("open-problems");
        model.openProblems().addListener((ListChangeListener<Object>) c -> fill());
        managedProperty().bind(Bindings.isNotEmpty(getChildren()));
        visibleProperty().bind(managedProperty());
    }

    private void fill() {
        getChildren().clear();
        if (model.openProblems().isEmpty()) {
            return;
        }
        var shown = model.file().map(f -> f.getFileName().toString()).orElse(model.design().name());
        var title = new Label(model.openFailureProperty().get() + "; still showing " + shown,
                new FontIcon(Feather.X_OCTAGON));
        title.setId("open-problems-title");
        title.getStyleClass().add("open-problems-title");
        var close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("button-icon", "flat");
        close.setOnAction(e -> getChildren().clear());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var head = new HBox(8, title, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(head);
        for (var problem : model.openProblems()) {
            var line = new Label(problem.toString());
            line.getStyleClass().add("open-problem");
            line.setWrapText(true);
            getChildren().add(line);
        }
    }
}
