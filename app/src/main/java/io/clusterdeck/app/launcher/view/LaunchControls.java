package io.clusterdeck.app.launcher.view;

import io.clusterdeck.app.launcher.LaunchState;
import io.clusterdeck.app.launcher.LaunchViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The toolbar's Launch and Stop button, with start-up progress and a button that brings the live view back; the
 * launch's status line for the status bar; and the same commands as a menu with shortcuts (F5 launches,
 * Shift+F5 stops, F6 shows the live view). It forwards clicks; the window decides what Launch launches and what
 * Monitor opens.
 */
public final class LaunchControls extends HBox {
    private final LaunchViewModel model;
    private final Runnable launch;
    private final Runnable showMonitor;
    private final Label status = new Label();

    public LaunchControls(LaunchViewModel model, Runnable launch, Runnable showMonitor) {
        super(6);
        this.model = model;
        this.launch = launch;
        this.showMonitor = showMonitor;
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(Region.USE_PREF_SIZE);
        var progress = new ProgressBar();
        progress.setId("launch-progress");
        progress.setPrefWidth(90);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.stateProperty().isEqualTo(LaunchState.STARTING));
        progress.managedProperty().bind(progress.visibleProperty());

        status.setId("launch-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        var tip = new Tooltip();
        tip.textProperty().bind(model.statusProperty());
        status.setTooltip(tip);

        var monitor = new Button("Monitor", new FontIcon(Feather.ACTIVITY));
        monitor.setId("show-monitor");
        monitor.setMinWidth(Region.USE_PREF_SIZE);
        monitor.setTooltip(new Tooltip("Show the live view of the running cluster (F6)"));
        monitor.visibleProperty().bind(model.stateProperty().isEqualTo(LaunchState.RUNNING));
        monitor.managedProperty().bind(monitor.visibleProperty());
        monitor.setOnAction(e -> showMonitor.run());

        var button = new Button();
        button.setId("launch");
        button.setMinWidth(Region.USE_PREF_SIZE);
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
        button.setTooltip(new Tooltip("Run this design as a cluster of real processes on this machine (F5), "
                + "or stop it (Shift+F5)"));
        button.setOnAction(e -> {
            if (model.stateProperty().get() == LaunchState.RUNNING) {
                model.stop();
            } else {
                launch.run();
            }
        });
        getChildren().addAll(progress, monitor, button);
    }

    /** What the launch is doing, in one line: for the status bar, where it has the room to be read whole. */
    public Label status() {
        return status;
    }

    /** Launch, Stop and the live view as menu items with their shortcuts. */
    public Menu menu() {
        var launchItem = new MenuItem("_Launch", new FontIcon(Feather.PLAY));
        launchItem.setId("menu-launch");
        launchItem.setAccelerator(KeyCombination.keyCombination("F5"));
        launchItem.disableProperty().bind(model.stateProperty().isNotEqualTo(LaunchState.IDLE));
        launchItem.setOnAction(e -> launch.run());
        var stopItem = new MenuItem("_Stop", new FontIcon(Feather.SQUARE));
        stopItem.setId("menu-stop");
        stopItem.setAccelerator(KeyCombination.keyCombination("Shift+F5"));
        stopItem.disableProperty().bind(model.stateProperty().isNotEqualTo(LaunchState.RUNNING));
        stopItem.setOnAction(e -> model.stop());
        var liveItem = new MenuItem("Live _view", new FontIcon(Feather.ACTIVITY));
        liveItem.setId("menu-live");
        liveItem.setAccelerator(KeyCombination.keyCombination("F6"));
        liveItem.disableProperty().bind(model.stateProperty().isNotEqualTo(LaunchState.RUNNING));
        liveItem.setOnAction(e -> showMonitor.run());
        var menu = new Menu("_Cluster");
        menu.getItems().addAll(launchItem, stopItem, liveItem);
        return menu;
    }
}
