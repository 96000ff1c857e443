package io.clusterdeck.app;

import io.clusterdeck.app.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The Clusterdeck window, opened on the design named as the first argument. */
public final class ClusterdeckApp extends Application {
    private static final Logger LOG = Logger.getLogger(ClusterdeckApp.class.getName());

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "unexpected error", error);
            Platform.runLater(() -> new Alert(Alert.AlertType.ERROR,
                    "Something went wrong: " + error.getMessage() + ". Your design is kept; save it to be safe.")
                    .show());
        });
        var args = getParameters().getUnnamed();
        Optional<Path> design = args.isEmpty() ? Optional.empty() : Optional.of(Path.of(args.get(0)));
        DesignerWindow.show(stage, Workspace.current(), design);
    }
}
