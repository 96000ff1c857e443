package io.clusterdeck.app.export.view;

import io.clusterdeck.app.export.ExportViewModel;
import io.clusterdeck.export.Target;
import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Export for production: a target, a folder, the files it will write, and the outcome. */
public final class ExportDialog extends Dialog<Void> {
    private static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    public ExportDialog(Window owner, ExportViewModel model) {
        initOwner(owner);
        setTitle("Export for production");
        setHeaderText("Turn this design into what production runs");
        setResizable(true);

        var target = new ChoiceBox<Target>();
        target.setId("export-target");
        target.getItems().setAll(Target.values());
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(Target value) {
                return value == null ? "" : switch (value) {
                    case RUNTIME -> "Runtime configs (clusterdeck run)";
                    case COMPOSE -> "Docker Compose";
                    case KUBERNETES -> "Kubernetes manifests";
                };
            }

            @Override
            public Target fromString(String text) {
                return null;
            }
        });
        target.valueProperty().bindBidirectional(model.targetProperty());

        var folder = new TextField();
        folder.setId("export-folder");
        folder.setEditable(false);
        folder.textProperty().bind(Bindings.createStringBinding(() -> model.folderProperty().get() == null ? ""
                : model.folderProperty().get().toString(), model.folderProperty()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        var browse = new Button("Choose\u2026");
        browse.setOnAction(e -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Export into");
            var current = model.folderProperty().get();
            if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            File chosen = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                model.folderProperty().set(Path.of(chosen.getAbsolutePath()));
            }
        });

        var files = new ListView<>(model.files());
        files.setId("export-files");
        files.setPrefHeight(220);
        var message = new Label();
        message.setId("export-message");
        message.setWrapText(true);
        // Tall enough for every line it wraps to; the dialog grows with it, so the sentence is never cut off.
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.textProperty().addListener((obs, old, now) -> Platform.runLater(() -> {
            var window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
            if (window != null && window.isShowing()) {
                window.sizeToScene();
            }
        }));

        var grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Target"), target);
        grid.addRow(1, new Label("Folder"), new HBox(6, folder, browse));
        grid.addRow(2, new Label("Files"), files);
        grid.add(message, 0, 3, 2, 1);
        GridPane.setHgrow(files, Priority.ALWAYS);
        GridPane.setHgrow(message, Priority.ALWAYS);
        var labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        var fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        getDialogPane().setContent(grid);
        getDialogPane().setPrefWidth(640);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CLOSE);
        var export = (Button) getDialogPane().lookupButton(EXPORT);
        export.disableProperty().bind(model.readyProperty().not());
        // Exporting keeps the dialog open so the user reads where the files went.
        export.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            model.export();
        });
    }
}
