package io.clusterdeck.app.launcher;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar's Launch and Stop button, with start-up progress and a button that brings the live view back.
 * It forwards clicks; the window decides what Launch launches and what Monitor opens.
 */
public final class LaunchControls extends HBox {
    public LaunchControls(LaunchModel model, Runnable launch, Runnable showMonitor) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        var progress = new ProgressBar();
        progress.setId("launch-progress");
        progress.setPrefWidth(90);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.stateProperty().isEqualTo(LaunchState.STARTING));
        progress.managedProperty().bind(progress.visibleProperty());

        var status = new Label();
        status.setId("launch-status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(360);
        var tip = new Tooltip();
        tip.textProperty().bind(model.statusProperty());
        status.setTooltip(tip);

        var monitor = new Button("Monitor", new FontIcon(Feather.ACTIVITY));
        monitor.setId("show-monitor");
        monitor.setTooltip(new Tooltip("Show the live view of the running cluster"));
        monitor.visibleProperty().bind(model.stateProperty().isEqualTo(LaunchState.RUNNING));
        monitor.managedProperty().bind(monitor.visibleProperty());
        monitor.setOnAction(e -> showMonitor.run());

        var button = new Button();
        button.setId("launch");
        button.getStyleClass().add("accent");
        button.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case IDLE -> "Launch";
            case STARTING -> "Starting";
            case RUNNING -> "Stop";
            case STOPPING -> "Stopping";
        }, model.stateProperty()));
        button.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(
                model.stateProperty().get() == LaunchState.RUNNING ? Feather.SQUARE : Feather.PLAY), model.stateProperty()));
        button.disableProperty().bind(model.stateProperty().isEqualTo(LaunchState.STARTING)
                .or(model.stateProperty().isEqualTo(LaunchState.STOPPING)));
        button.setTooltip(new Tooltip("Run this design as a cluster of real processes on this machine, or stop it"));
        button.setOnAction(e -> {
            if (model.stateProperty().get() == LaunchState.RUNNING) {
                model.stop();
            } else {
                launch.run();
            }
        });
        getChildren().addAll(status, progress, monitor, button);
    }
}
