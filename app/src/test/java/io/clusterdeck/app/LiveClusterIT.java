package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.launcher.LaunchState;
import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.TimelineEntry;
import io.clusterdeck.app.monitor.view.MonitorView;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.ProcessStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The product's promise in one test: launch the web shop from the designer, send traffic, kill a worker from
 * the live view, watch the cluster fail over and heal, stop, and leave nothing running.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LiveClusterIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String VICTIM = "worker-images-2";

    @TempDir
    static Path temp;

    private DesignerWindow window;
    private Stage designer;

    @Start
    void start(Stage stage) throws IOException {
        designer = stage;
        // Ports of their own, away from the example's: another launch of the web shop on this machine is no clash.
        window = DesignerFixture.open(stage, temp, "webshop.json",
                text -> text.replace("\"base\": 7400", "\"base\": 17400")).window;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (window != null) {
            window.launch().cluster().ifPresent(c -> c.close());
        }
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void launchedFromTheDesignerAKilledWorkerIsRemovedRestartedAndBackThenStopLeavesNothing(FxRobot robot) throws Exception {
        robot.clickOn(robot.from(designer.getScene().getRoot()).lookup("#launch").queryButton());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> window.launch().stateProperty().get() == LaunchState.RUNNING);
        var cluster = window.launch().cluster().orElseThrow();
        List<Long> pids = cluster.processes().stream().map(ProcessStatus::pid).toList();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.monitorWindow().isPresent());
        var monitorStage = window.monitorWindow().orElseThrow();
        var scene = monitorStage.getScene();
        var monitor = ((MonitorView) scene.getRoot()).model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> allWorkersUp(monitor));

        // On a small screen both windows keep what matters on screen: Stop and Monitor, and the live view's cards.
        robot.interact(() -> {
            designer.setWidth(1280);
            designer.setHeight(800);
            monitorStage.setWidth(1280);
            monitorStage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (var id : new String[] {"#launch", "#show-monitor"}) {
            var node = robot.from(designer.getScene().getRoot()).lookup(id).query();
            assertThat(Looks.visible(node) && Looks.insideScene(node)).as("%s on screen at 1280x800", id).isTrue();
        }
        assertThat(robot.from(designer.getScene().getRoot()).lookup("#launch").queryButton().getText()).isEqualTo("Stop");
        for (var card : scene.getRoot().lookupAll(".card")) {
            assertThat(Looks.insideScene(card)).as("live view card on screen at 1280x800").isTrue();
        }
        assertThat(Looks.insideScene(robot.from(scene.getRoot()).lookup("#monitor-stop").query())).isTrue();
        robot.interact(() -> {
            monitorStage.setWidth(1600);
            monitorStage.setHeight(1000);
        });

        robot.clickOn(robot.from(scene.getRoot()).lookup("#chip-" + VICTIM).queryAs(javafx.scene.Node.class));
        robot.clickOn(robot.from(scene.getRoot()).lookup("#traffic-toggle").queryButton());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> monitor.process(VICTIM).orElseThrow().callsPerSecondProperty().get() > 0);
        screenshot(scene, "live-before.png");

        robot.clickOn(robot.from(scene.getRoot()).lookup("#action-kill").queryButton());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> monitor.process(VICTIM).orElseThrow().health() != Health.UP);
        screenshot(scene, "live-during.png");

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> timelineHas(monitor, EventType.FAULT, EventType.REMOVED,
                EventType.RESTARTED) && monitor.process(VICTIM).orElseThrow().health() == Health.UP
                && monitor.process(VICTIM).orElseThrow().restartsProperty().get() == 1);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        screenshot(scene, "live-after.png");
        assertThat(monitor.timeline()).extracting(TimelineEntry::type)
                .contains(EventType.FAULT, EventType.EXITED, EventType.REMOVED, EventType.RESTARTED, EventType.HEALTHY);
        var row = monitor.process(VICTIM).orElseThrow();
        assertThat(row.health()).isEqualTo(Health.UP);
        assertThat(row.pidProperty().get()).isPositive().isNotIn(pids);

        // The live view stops the cluster itself, and closes with it.
        robot.clickOn(robot.from(scene.getRoot()).lookup("#monitor-stop").queryButton());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.launch().stateProperty().get() == LaunchState.IDLE);
        assertThat(window.monitorWindow()).isEmpty();
        var everyPid = new java.util.ArrayList<>(pids);
        everyPid.add(row.pidProperty().get());
        assertThat(everyPid).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d", pid).isFalse());
    }

    private static boolean allWorkersUp(MonitorViewModel monitor) {
        var rows = List.copyOf(monitor.processes());
        return rows.size() == 10 && rows.stream().allMatch(r -> r.health() == Health.UP);
    }

    private static boolean timelineHas(MonitorViewModel monitor, EventType... types) {
        var seen = List.copyOf(monitor.timeline()).stream().map(TimelineEntry::type).toList();
        return seen.containsAll(List.of(types));
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name).toFile());
    }
}
