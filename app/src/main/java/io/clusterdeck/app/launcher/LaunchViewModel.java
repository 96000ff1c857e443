package io.clusterdeck.app.launcher;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.LaunchException;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.launch.LocalCluster;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Launches the design being edited as a cluster on this machine, in the background, and stops it again.
 * Progress (which process started, which is ready) reaches the properties through the {@code ui} executor.
 */
public final class LaunchViewModel {
    private static final Logger LOG = Logger.getLogger(LaunchViewModel.class.getName());

    private final Executor background;
    private final Executor ui;
    private final LaunchOptions options;
    private final Consumer<LocalCluster> onRunning;
    private final ReadOnlyObjectWrapper<LaunchState> state = new ReadOnlyObjectWrapper<>(this, "state", LaunchState.IDLE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final Map<String, String> processes = new LinkedHashMap<>();
    private volatile LocalCluster cluster;

    /**
     * @param background runs the blocking start and stop
     * @param ui         runs property updates (the FX thread in the app)
     * @param onRunning  told on the {@code ui} executor when a launch has every process ready
     */
    public LaunchViewModel(Executor background, Executor ui, LaunchOptions options, Consumer<LocalCluster> onRunning) {
        this.background = background;
        this.ui = ui;
        this.options = options;
        this.onRunning = onRunning;
    }

    // Properties

    public ReadOnlyObjectProperty<LaunchState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One line for the toolbar: what is starting, how many are ready, or why the launch failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The share of processes ready while starting, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public Optional<LocalCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    // Commands

    /** Starts the design; {@code designFile} locates its relative paths (bundles, assets). */
    public void launch(Design design, Path designFile) {
        if (state.get() != LaunchState.IDLE) {
            return;
        }
        var problems = design.validate();
        if (!problems.isEmpty()) {
            status.set("Cannot launch: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " in the design, first " + problems.get(0).path() + ": " + problems.get(0).message());
            return;
        }
        int total = Planner.plan(design, PlanOptions.local(DesignFiles.folderOf(designFile))).processes().size();
        processes.clear();
        state.set(LaunchState.STARTING);
        progress.set(0);
        status.set("Starting " + design.name() + ": 0 of " + total + " ready");
        background.execute(() -> {
            try {
                var started = LocalCluster.start(design, designFile, options, event -> ui.execute(() -> starting(event, total)));
                ui.execute(() -> {
                    cluster = started;
                    state.set(LaunchState.RUNNING);
                    progress.set(1);
                    status.set(design.name() + " runs: " + started.processes().size() + " processes ready in "
                            + started.timeToReady().toMillis() + " ms, clients call " + started.plan().entryUrl());
                    onRunning.accept(started);
                });
            } catch (LaunchException | IllegalArgumentException e) {
                LOG.log(Level.INFO, "launch failed", e);
                ui.execute(() -> {
                    state.set(LaunchState.IDLE);
                    progress.set(0);
                    status.set("Launch failed: " + firstLine(e.getMessage()));
                });
            }
        });
    }

    /** Stops every process gracefully, in the background. */
    public void stop() {
        var running = cluster;
        if (running == null || state.get() != LaunchState.RUNNING) {
            return;
        }
        state.set(LaunchState.STOPPING);
        status.set("Stopping " + running.plan().design() + "...");
        background.execute(() -> {
            running.close();
            ui.execute(() -> {
                cluster = null;
                state.set(LaunchState.IDLE);
                status.set("Stopped " + running.plan().design());
            });
        });
    }

    /** Stops every process now, on this thread: for closing the app. */
    public void stopNow() {
        var running = cluster;
        cluster = null;
        if (running != null) {
            running.close();
        }
        state.set(LaunchState.IDLE);
    }

    private void starting(ClusterEvent event, int total) {
        if (state.get() != LaunchState.STARTING || event.worker() == null) {
            return;
        }
        if (event.type() == EventType.STARTED) {
            processes.put(event.worker(), "starting");
        } else if (event.type() == EventType.READY) {
            processes.put(event.worker(), "ready");
        } else {
            return;
        }
        long ready = processes.values().stream().filter("ready"::equals).count();
        progress.set(Math.min(1, ready / (double) total));
        status.set(event.worker() + " " + processes.get(event.worker()) + " · " + ready + " of " + total + " ready");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
