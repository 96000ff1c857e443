package io.clusterdeck.app.monitor.view;

import io.clusterdeck.app.monitor.ClusterSource;
import io.clusterdeck.app.monitor.MonitorViewModel;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/** Opens the live monitor of a running cluster in a window of its own. */
public final class MonitorWindow {
    /** How often queued updates reach the window. */
    public static final Duration FRAME = Duration.millis(250);
    /** The size the window asks for; a smaller screen gets most of itself. */
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 1000;
    private static final Logger LOG = Logger.getLogger(MonitorWindow.class.getName());

    private MonitorWindow() {
    }

    /**
     * Shows the monitor and starts following the cluster. The window is a peer of the designer, not kept above
     * it, and offers the designer's Stop itself. Closing the window stops following the cluster and stops the
     * traffic it started; stopping the cluster stays with whoever launched it.
     *
     * @param designer the window it was opened from, whose screen it opens on; may be null
     * @param executor runs reads of the cluster, faults, scaling and traffic starts off the FX thread
     */
    public static Stage open(Window designer, ClusterSource source, Executor executor, MonitorView.Actions actions) {
        var monitor = new MonitorViewModel(source, executor);
        var stage = new Stage();
        stage.setTitle(monitor.designName() + " · live · Clusterdeck");
        var area = screenOf(designer);
        double width = Math.min(WIDTH, area.getWidth());
        double height = Math.min(HEIGHT, area.getHeight());
        stage.setScene(new Scene(new MonitorView(monitor, actions), width, height));
        stage.setX(area.getMinX() + (area.getWidth() - width) / 2);
        stage.setY(area.getMinY() + (area.getHeight() - height) / 2);
        stage.setMinWidth(Math.min(960, area.getWidth()));
        stage.setMinHeight(Math.min(600, area.getHeight()));
        if (designer instanceof Stage owner) {
            stage.getIcons().setAll(owner.getIcons());
        }
        if (actions.stop() != null) {
            stage.getScene().getAccelerators().put(KeyCombination.keyCombination("Shift+F5"), actions.stop());
        }
        var frames = new Timeline(new KeyFrame(FRAME, e -> {
            try {
                monitor.frame(Instant.now());
                if (actions.profile() != null) {
                    actions.profile().tick();
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.WARNING, "a monitor frame failed", ex);
            }
        }));
        frames.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> {
            frames.stop();
            monitor.close();
        });
        monitor.start();
        frames.play();
        stage.show();
        return stage;
    }

    /** Opens the monitor with nothing to offer but watching. */
    public static Stage open(Window designer, ClusterSource source, Executor executor) {
        return open(designer, source, executor, MonitorView.Actions.NONE);
    }

    private static Rectangle2D screenOf(Window window) {
        if (window != null && window.getWidth() > 0) {
            var screens = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(), window.getHeight());
            if (!screens.isEmpty()) {
                return screens.get(0).getVisualBounds();
            }
        }
        return Screen.getPrimary().getVisualBounds();
    }
}
