package io.clusterdeck.app;

import io.clusterdeck.design.DesignFiles;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The Clusterdeck window, opened on the design named as the first argument. */
public final class ClusterdeckApp extends Application {
    @Override
    public void start(Stage stage) {
        var args = getParameters().getUnnamed();
        String text = "Clusterdeck";
        if (!args.isEmpty()) {
            var parsed = DesignFiles.load(Path.of(args.get(0)));
            text = parsed.value().map(d -> "Clusterdeck: " + d.name() + " (" + d.functions().size() + " functions, "
                    + d.segments().size() + " segments)").orElse("Clusterdeck: " + parsed.problems().size() + " problems");
        }
        stage.setScene(new Scene(new StackPane(new Label(text)), 800, 500));
        stage.setTitle("Clusterdeck");
        stage.show();
    }
}
