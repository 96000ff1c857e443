package io.clusterdeck.app;

import io.clusterdeck.app.advice.AdviceViewModel;
import io.clusterdeck.app.advice.view.AdviceView;
import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.common.view.AppIcons;
import io.clusterdeck.app.common.view.Dialogs;
import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.ScannedBundles;
import io.clusterdeck.app.designer.view.DesignerView;
import io.clusterdeck.app.experiment.ExperimentRunner;
import io.clusterdeck.app.experiment.ExperimentViewModel;
import io.clusterdeck.app.experiment.view.ExperimentWindow;
import io.clusterdeck.app.export.ExportViewModel;
import io.clusterdeck.app.export.view.ExportDialog;
import io.clusterdeck.app.launcher.LaunchState;
import io.clusterdeck.app.launcher.LaunchViewModel;
import io.clusterdeck.app.launcher.view.LaunchControls;
import io.clusterdeck.app.monitor.ClusterSnapshot;
import io.clusterdeck.app.monitor.LocalClusterSource;
import io.clusterdeck.app.monitor.ProfileRecorder;
import io.clusterdeck.app.monitor.view.MonitorView;
import io.clusterdeck.app.monitor.view.MonitorWindow;
import io.clusterdeck.app.workspace.RecentFiles;
import io.clusterdeck.app.workspace.Recovery;
import io.clusterdeck.app.workspace.Workspace;
import io.clusterdeck.compare.Experiment;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.time.Threads;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the designer into a stage: model, view, title, icon, and what happens on start and close. */
public final class DesignerWindow {
    /** How long after an edit the recovery copy is written. */
    public static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(3);
    /** The size the window opens at, or the screen's when it is smaller. */
    public static final double WIDTH = 1600;
    public static final double HEIGHT = 960;

    private final DesignerViewModel model;
    private final DesignerView view;
    private final Recovery recovery;
    private final ScheduledExecutorService background;
    private final ExecutorService clusterWork = Executors.newCachedThreadPool(Threads.daemon("clusterdeck-cluster"));
    private final LaunchViewModel launch;
    private final Stage stage;
    private final Workspace workspace;
    private final AdviceView advice;
    private Stage monitor;
    private Stage experiments;
    private ExperimentViewModel experiment;

    private DesignerWindow(Stage stage, Workspace workspace, ScheduledExecutorService background) {
        this.background = background;
        this.workspace = workspace;
        this.recovery = new Recovery(workspace.recoveryFolder(), background, AUTOSAVE_DELAY);
        this.model = new DesignerViewModel(new RecentFiles(workspace.recentFilesFile()), recovery, new ScannedBundles());
        this.launch = new LaunchViewModel(clusterWork, Platform::runLater,
                LaunchOptions.defaults().withHome(workspace.home()), cluster -> showMonitor());
        var launchControls = new LaunchControls(launch, this::launchDesign, this::showMonitor);
        this.view = new DesignerView(model, launchControls, launchControls.status(), launchControls.menu(),
                this::showExport, this::showExperiments, this::chooseProfileAndAdvise);
        this.advice = new AdviceView(new AdviceViewModel(model), this::closeAdvice, this::compareWithAdvised, view::reveal);
        this.stage = stage;
        // The live view shows a running cluster only: stopping it, from either window, closes the view.
        launch.stateProperty().addListener((obs, old, now) -> {
            if (now == LaunchState.STOPPING || now == LaunchState.IDLE) {
                monitorWindow().ifPresent(Stage::close);
            }
        });
        // Closing the window stops the cluster; so does a signal that ends the app without closing it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> launch.cluster().ifPresent(c -> c.close()), "stop-cluster"));
        Theme.LIGHT.apply();
        var screen = Screen.getPrimary().getVisualBounds();
        double width = Math.min(WIDTH, screen.getWidth());
        double height = Math.min(HEIGHT, screen.getHeight());
        stage.setScene(new Scene(view, width, height));
        stage.titleProperty().bind(model.titleProperty());
        stage.getIcons().setAll(AppIcons.windowIcons());
        stage.setMinWidth(Math.min(960, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        // Some window managers hand a new window its minimum size; it opens at the size asked for all the same.
        stage.setOnShown(e -> {
            if (stage.getWidth() < width - 1 || stage.getHeight() < height - 1) {
                stage.setWidth(width);
                stage.setHeight(height);
                stage.centerOnScreen();
            }
        });
        stage.setOnCloseRequest(e -> {
            if (view.mayDiscardChanges()) {
                recovery.clear();
            } else {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            if (!model.dirtyProperty().get()) {
                recovery.clear();
            }
            if (monitor != null) {
                monitor.close();
            }
            // Closing the Experiments window cancels an experiment under way, which stops what it launched.
            if (experiments != null) {
                experiments.close();
            }
            launch.stopNow();
            background.shutdown();
            clusterWork.shutdown();
        });
    }

    /**
     * Shows the designer on a design file; without one, on the last file opened or the starter template.
     * Offers the unsaved work of a previous session first.
     */
    public static DesignerWindow show(Stage stage, Workspace workspace, Optional<Path> design) {
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
                Threads.daemon("clusterdeck-autosave"));
        var window = new DesignerWindow(stage, workspace, background);
        stage.show();
        // Looked up before anything is opened: opening a file forgets the previous session's copy.
        var recovered = window.recovery.find();
        var file = design.or(() -> window.model.recentFiles().stream().findFirst());
        file.ifPresent(window.model::open);
        // Asked once the window is up, so the question has the window behind it.
        recovered.ifPresent(copy -> Platform.runLater(() -> window.offerRecovery(copy)));
        return window;
    }

    /** The live view's window, while it is open. */
    public Optional<Stage> monitorWindow() {
        return Optional.ofNullable(monitor).filter(Stage::isShowing);
    }

    /** Shows the advice for the design as shown from a profile file, beside the canvas. */
    public void advise(Path profile) {
        advice.model().load(profile);
        view.showAside(advice);
    }

    /** The Advise panel, whether it is shown or not. */
    public AdviceView advice() {
        return advice;
    }

    /** The Experiments window, while it is open. */
    public Optional<Stage> experimentsWindow() {
        return Optional.ofNullable(experiments).filter(Stage::isShowing);
    }

    public LaunchViewModel launch() {
        return launch;
    }

    /** Runs the design as shown, unsaved edits included; its file (or the folder files are saved to) locates paths. */
    private void launchDesign() {
        var file = model.file().orElse(model.suggestedFolder().resolve(model.design().name() + ".json"));
        launch.launch(model.design(), file);
    }

    /** The Export dialog, on the design as saved. */
    private void showExport() {
        var exportViewModel = new ExportViewModel(model.design(), model.file().orElse(null), model.dirtyProperty().get(),
                workspace.exportsFolder());
        new ExportDialog(stage, exportViewModel).showAndWait();
    }

    private void chooseProfileAndAdvise() {
        if (advice.chooseProfile()) {
            view.showAside(advice);
        }
    }

    private void closeAdvice() {
        view.closeAside();
        advice.model().close();
    }

    /**
     * Opens the Experiments view with the design as shown as A, unsaved edits included, or brings it to the front.
     * Its runs launch clusters of their own, in the background, like the launcher's.
     */
    private void showExperiments() {
        if (experiments != null && experiments.isShowing()) {
            experiments.toFront();
            return;
        }
        openExperiments();
    }

    /**
     * Opens the Experiments view on the design as shown (A) against it with every suggestion applied (B), in memory.
     * An Experiments window already open is replaced, unless its experiment is under way.
     */
    private void compareWithAdvised() {
        if (experiments != null && experiments.isShowing()) {
            var state = experiment.stateProperty().get();
            if (state == ExperimentViewModel.State.RUNNING || state == ExperimentViewModel.State.CANCELLING) {
                experiments.toFront();
                return;
            }
            experiments.close();
        }
        var advised = advice.model().advisedDesign();
        openExperiments();
        experiment.useB(advised, "not saved: " + model.design().name() + " with the advice applied");
    }

    private void openExperiments() {
        var file = model.file().orElse(model.suggestedFolder().resolve(model.design().name() + ".json"));
        experiment = new ExperimentViewModel(new Experiment.Candidate(model.design(), file),
                ExperimentRunner.local(LaunchOptions.defaults().withHome(workspace.home())), clusterWork,
                Platform::runLater, () -> launch.stateProperty().get() != LaunchState.IDLE);
        experiments = ExperimentWindow.open(stage, experiment);
    }

    /** Opens the live view of the running cluster, or brings it to the front. */
    private void showMonitor() {
        var cluster = launch.cluster();
        if (cluster.isEmpty()) {
            return;
        }
        if (monitor != null && monitor.isShowing()) {
            monitor.toFront();
            return;
        }
        var source = new LocalClusterSource(cluster.get(),
                () -> ClusterSnapshot.of(cluster.get().gatewayStates()), clusterWork);
        var running = cluster.get();
        var designFile = model.file().orElse(model.suggestedFolder().resolve(running.design().name() + ".json"));
        var profile = new ProfileRecorder(running.design(), running::profileSamples,
                ProfileRecorder.suggestedFile(running.design(), designFile), clusterWork, Platform::runLater,
                Clock.systemUTC());
        monitor = MonitorWindow.open(stage, source, clusterWork,
                new MonitorView.Actions(launch::stop, () -> stage.toFront(), profile));
    }

    public DesignerViewModel model() {
        return model;
    }

    public DesignerView view() {
        return view;
    }

    private void offerRecovery(Recovery.Recovered recovered) {
        String what = recovered.source().map(p -> p.getFileName().toString()).orElse("a new design");
        if (Dialogs.offerRecovery(view.getScene().getWindow(), what)) {
            model.recover(recovered);
        } else {
            recovery.clear();
        }
    }
}
