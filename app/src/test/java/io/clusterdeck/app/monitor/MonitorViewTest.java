package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.clusterdeck.app.monitor.view.MonitorView;
import io.clusterdeck.app.monitor.view.MonitorWindow;
import io.clusterdeck.event.EventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live view through a recorded kill of worker-images-2 under traffic, with a screenshot before, during, after. */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class MonitorViewTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private KillScenario scenario;
    private MonitorViewModel monitor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scenario = new KillScenario();
        monitor = new MonitorViewModel(scenario.cluster, Runnable::run);
        monitor.start();
        scene = new Scene(new MonitorView(monitor), 1600, 1000);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void aKilledWorkerGoesDownIsRemovedRestartsAndComesBackWithItsFailoverReport(FxRobot robot) throws IOException {
        robot.clickOn("#chip-" + KillScenario.VICTIM);
        robot.clickOn("#traffic-toggle");
        robot.interact(() -> scenario.playUntil(19.75, monitor));
        assertThat(monitor.process(KillScenario.VICTIM).orElseThrow().health()).isEqualTo(Health.UP);
        assertThat(robot.lookup("#traffic-toggle").queryButton().getText()).isEqualTo("Stop");
        screenshot(robot, "monitor-before.png");

        robot.clickOn("#action-kill");
        assertThat(scenario.cluster.commands).contains("kill " + KillScenario.VICTIM);
        robot.interact(() -> scenario.playUntil(21, monitor));
        assertThat(monitor.process(KillScenario.VICTIM).orElseThrow().health()).isEqualTo(Health.DOWN);
        assertThat(monitor.timeline()).extracting(TimelineEntry::type)
                .contains(EventType.FAULT, EventType.EXITED, EventType.SUSPECT, EventType.UNHEALTHY);
        screenshot(robot, "monitor-during.png");

        robot.interact(() -> scenario.playUntil(32, monitor));
        assertThat(monitor.process(KillScenario.VICTIM).orElseThrow().health()).isEqualTo(Health.UP);
        assertThat(monitor.timeline()).extracting(TimelineEntry::type)
                .contains(EventType.REMOVED, EventType.RESTARTED, EventType.REGISTERED, EventType.HEALTHY);
        assertThat(robot.lookup("#chip-" + KillScenario.VICTIM).query().getPseudoClassStates())
                .extracting(Object::toString).contains("up");
        assertThat(robot.lookup(".fault-report").queryAs(Label.class).getText())
                .isEqualTo("kill worker-images-2: detected in 0.08 s · back after 3.10 s · 1 call lost · 4 retried");
        screenshot(robot, "monitor-after.png");
    }

    @Test
    void aReportClosesWhenTheFaultIsUndoneAndTheUndoingIsNoFaultOfItsOwn(FxRobot robot) {
        var worker = "worker-orders-1";
        robot.interact(() -> scenario.playUntil(5, monitor));
        robot.clickOn("#chip-" + worker);
        robot.clickOn("#action-make-unhealthy");
        robot.interact(() -> {
            publish(5.1, EventType.FAULT, "launcher", worker, "made unhealthy");
            publish(5.4, EventType.UNHEALTHY, "gateway", worker, "reported DOWN");
            scenario.playUntil(8, monitor);
        });
        assertThat(robot.lookup(".fault-report").queryAs(Label.class).getPseudoClassStates())
                .extracting(Object::toString).contains("open");

        robot.clickOn("#action-make-healthy");
        robot.interact(() -> {
            publish(8.2, EventType.FAULT, "launcher", worker, "made healthy");
            publish(8.5, EventType.HEALTHY, "gateway", worker, "passed a health check");
            scenario.playUntil(11, monitor);
        });

        assertThat(scenario.cluster.commands).containsSubsequence("unhealthy " + worker, "healthy " + worker);
        var reports = robot.lookup(".fault-report").queryAllAs(Label.class);
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.getText()).isEqualTo("made unhealthy worker-orders-1: detected in 0.30 s · "
                    + "back after 3.40 s · 0 calls lost · 0 retried");
            assertThat(report.getPseudoClassStates()).extracting(Object::toString).doesNotContain("open");
        });
    }

    private void publish(double seconds, EventType type, String source, String worker, String reason) {
        var segment = scenario.plan.process(worker).map(p -> p.segment()).orElse(null);
        scenario.cluster.publish(io.clusterdeck.event.ClusterEvent.of(
                KillScenario.START.plusMillis((long) (seconds * 1000)), type, source, worker, segment, reason));
    }

    @Test
    void theLogOpensAtItsNewestLineAndFollowsNewOnes(FxRobot robot) {
        robot.clickOn("#chip-worker-orders-2");
        robot.interact(() -> {
            for (int i = 0; i < 300; i++) {
                scenario.cluster.logLine("worker-orders-2", "line " + i);
            }
            scenario.playUntil(1, monitor);
        });
        waitUntilShown(robot, "line 299");

        robot.interact(() -> {
            scenario.cluster.logLine("worker-orders-2", "the newest line");
            scenario.playUntil(2, monitor);
        });
        waitUntilShown(robot, "the newest line");

        assertThat(shownLogLines(robot)).doesNotContain("line 0");
    }

    private static void waitUntilShown(FxRobot robot, String line) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> shownLogLines(robot))
                    .get().contains(line));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(shownLogLines(robot)).as("log lines in view").contains(line);
        }
    }

    /** The log lines drawn inside the log's visible area. */
    private static java.util.List<String> shownLogLines(FxRobot robot) {
        var list = robot.lookup("#log-lines").query();
        var view = list.localToScene(list.getBoundsInLocal());
        return list.lookupAll(".list-cell").stream()
                .filter(cell -> cell.isVisible() && ((javafx.scene.control.ListCell<?>) cell).getItem() != null)
                .filter(cell -> {
                    var b = cell.localToScene(cell.getBoundsInLocal());
                    return b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
                })
                .map(cell -> (String) ((javafx.scene.control.ListCell<?>) cell).getItem()).toList();
    }

    @Test
    void scaleButtonsAndWorkerActionsReachTheCluster(FxRobot robot) {
        robot.clickOn("#scale-images-up");
        robot.clickOn("#chip-worker-orders-1");
        robot.clickOn("#action-pause");
        robot.clickOn("#action-make-unhealthy");
        robot.clickOn("#action-restart");

        assertThat(scenario.cluster.commands).containsExactly("scale images 4", "pause worker-orders-1",
                "unhealthy worker-orders-1", "restart worker-orders-1");
    }

    @Test
    void theWindowFollowsTheClusterUntilItIsClosedAndThenStopsItsTraffic(FxRobot robot) throws Exception {
        var executor = Executors.newCachedThreadPool();
        try {
            var cluster = new KillScenario().cluster;
            var window = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                    () -> MonitorWindow.open(null, cluster, executor)));
            var root = window.getScene().getRoot();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(root).lookup(".summary")
                    .queryAs(Label.class).getText().contains(" of 10 processes up"));
            robot.clickOn(robot.from(root).lookup("#traffic-toggle").queryButton());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cluster.commands.contains("traffic images/thumbnail"));
            assertThat(cluster.listeners()).isEqualTo(1);

            robot.interact(window::close);

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> cluster.commands.contains("stop traffic images/thumbnail"));
            assertThat(cluster.listeners()).isZero();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theLiveWindowIsAPeerOfTheDesignerWithAStopOfItsOwnAndFitsTheScreen(FxRobot robot) throws Exception {
        var executor = Executors.newCachedThreadPool();
        try {
            var designer = (Stage) scene.getWindow();
            var stopped = new java.util.concurrent.atomic.AtomicInteger();
            var designerShown = new java.util.concurrent.atomic.AtomicInteger();
            var window = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> MonitorWindow.open(designer,
                    new KillScenario().cluster, executor,
                    new MonitorView.Actions(stopped::incrementAndGet, designerShown::incrementAndGet))));

            assertThat(window.getOwner()).isNull();
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            assertThat(window.getWidth()).isLessThanOrEqualTo(screen.getWidth());
            assertThat(window.getHeight()).isLessThanOrEqualTo(screen.getHeight());
            var root = window.getScene().getRoot();
            robot.clickOn(robot.from(root).lookup("#monitor-designer").queryButton());
            robot.clickOn(robot.from(root).lookup("#monitor-stop").queryButton());

            assertThat(designerShown.get()).isEqualTo(1);
            assertThat(stopped.get()).isEqualTo(1);
            robot.interact(window::close);
        } finally {
            executor.shutdownNow();
        }
    }

    private void screenshot(FxRobot robot, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        var image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
