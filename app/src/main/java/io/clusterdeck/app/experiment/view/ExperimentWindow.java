package io.clusterdeck.app.experiment.view;

import io.clusterdeck.app.experiment.ExperimentViewModel;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the Experiments view in a window of its own; closing it cancels an experiment under way. */
public final class ExperimentWindow {
    /** The size the window asks for; a smaller screen gets all of itself. */
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 860;

    private ExperimentWindow() {
    }

    /** @param owner the designer, whose icons it takes and above which it opens; may be null */
    public static Stage open(Window owner, ExperimentViewModel model) {
        var stage = new Stage();
        stage.setTitle(model.a().design().name() + " \u00b7 experiments \u00b7 Clusterdeck");
        var screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(WIDTH, screen.getWidth());
        double height = Math.min(HEIGHT, screen.getHeight());
        stage.setScene(new Scene(new ExperimentView(model), width, height));
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        if (owner instanceof Stage designer) {
            stage.getIcons().setAll(designer.getIcons());
        }
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        return stage;
    }
}
