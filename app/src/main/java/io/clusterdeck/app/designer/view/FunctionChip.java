package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.FunctionFacts;
import io.clusterdeck.app.designer.Selection;
import io.clusterdeck.design.Function;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A function inside a segment card: its name and badges; drag it to another card or back to the palette. */
final class FunctionChip extends HBox {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    FunctionChip(Function function, DesignerViewModel model) {
        getStyleClass().add("function-chip");
        setId("chip-" + function.name().replace('/', '-'));
        var dot = new Region();
        dot.getStyleClass().addAll("access-dot", "access-" + function.access().json());
        var name = new Label(function.name());
        name.getStyleClass().add("function-name");
        name.setMinWidth(0);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(dot, name, spacer);
        if (function.hasJavaImplementation()) {
            getChildren().add(Badges.implementation(function));
        }
        getChildren().add(Badges.cost(function));
        pseudoClassStateChanged(Badges.COSTLY, FunctionFacts.costly(function));
        pseudoClassStateChanged(SELECTED, model.selectionProperty().get().isFunction(function.name()));
        pseudoClassStateChanged(INVALID, !model.problemsOf(Selection.function(function.name())).isEmpty());
        setOnMouseClicked(e -> {
            model.selectionProperty().set(Selection.function(function.name()));
            e.consume(); // the card around it would select itself instead
        });
        setOnDragDetected(e -> {
            var board = startDragAndDrop(TransferMode.MOVE);
            var content = new ClipboardContent();
            content.put(DragFormats.FUNCTION, function.name());
            board.setContent(content);
            board.setDragView(snapshot(null, null));
            e.consume();
        });
    }
}
