package io.clusterdeck.app.monitor;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/** Opens the live monitor of a running cluster in a window of its own. */
public final class MonitorWindow {
    /** How often queued updates reach the window. */
    public static final Duration FRAME = Duration.millis(250);
    private static final Logger LOG = Logger.getLogger(MonitorWindow.class.getName());

    private MonitorWindow() {
    }

    /**
     * Shows the monitor and starts following the cluster. Closing the window stops following it and stops the
     * traffic it started; stopping the cluster stays with whoever launched it.
     *
     * @param executor runs reads of the cluster, faults, scaling and traffic starts off the FX thread
     */
    public static Stage open(Stage owner, ClusterSource source, Executor executor) {
        var monitor = new MonitorViewModel(source, executor);
        var stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(monitor.designName() + " · live · Clusterdeck");
        stage.setScene(new Scene(new MonitorView(monitor), 1600, 1000));
        var frames = new Timeline(new KeyFrame(FRAME, e -> {
            try {
                monitor.frame(Instant.now());
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
}
