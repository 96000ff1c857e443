package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.launcher.LaunchState;
import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.app.monitor.HealthGridReading;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.view.MonitorView;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.plan.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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
 * The big design (44 workers over 10 segments) launched from the designer as a user would: the live view's health
 * grid comes to show every worker healthy, its header the cluster's memory, and it keeps answering clicks while
 * the cluster runs; Stop leaves no process behind. The figures reached are printed, not asserted: they depend on
 * the machine.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class BigClusterIT {
    private static final Pattern MEMORY = Pattern.compile("(\\d+) processes hold (\\d+) (MB|GB)( · this app (\\d+) (MB|GB))?");

    @TempDir
    static Path temp;

    private DesignerWindow window;
    private Stage designer;

    @Start
    void start(Stage stage) throws IOException {
        designer = stage;
        // Ports of its own, away from the example's: another launch of big.json on this machine is no clash.
        window = DesignerFixture.open(stage, temp, "big.json", text -> text.replace("\"base\": 8000", "\"base\": 18600"))
                .window;
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        if (window != null) {
            window.launch().cluster().ifPresent(c -> c.close());
        }
        robot.interact(Theme.LIGHT::apply);
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void launchedFromTheDesignerEveryWorkerTurnsHealthyInTheGridTheMemoryIsShownAndTheViewKeepsAnswering(FxRobot robot)
            throws Exception {
        long clicked = System.nanoTime();
        robot.clickOn(robot.from(designer.getScene().getRoot()).lookup("#launch").queryButton());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> window.launch().stateProperty().get() == LaunchState.RUNNING);
        var cluster = window.launch().cluster().orElseThrow();
        int workers = cluster.plan().withRole(Role.WORKER).size();
        int processes = cluster.plan().processes().size();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.monitorWindow().isPresent());
        var stage = window.monitorWindow().orElseThrow();
        var scene = stage.getScene();
        var monitor = ((MonitorView) scene.getRoot()).model();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        // The grid as drawn, scrolled through from top to bottom, until it has a healthy row for every planned worker.
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                    () -> HealthGridReading.healthyWorkers(robot, scene.getRoot()).size() == workers);
        } catch (TimeoutException e) {
            var notUp = List.copyOf(monitor.processes()).stream().filter(r -> r.health() != Health.UP)
                    .map(r -> r.name() + " " + r.stateProperty().get()).toList();
            throw new AssertionError("not every worker healthy in the grid within 120 s; not up: " + notUp, e);
        }
        var healthyAfter = Duration.ofNanos(System.nanoTime() - clicked);
        List<Long> pids = cluster.processes().stream().map(ProcessStatus::pid).toList();
        assertThat(pids).hasSize(processes).allSatisfy(pid -> assertThat(pid).isPositive());

        // The header's memory figure: every process of the cluster, close to what the launcher itself reads.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> MEMORY.matcher(memoryText(robot)).matches());
        var shown = MEMORY.matcher(memoryText(robot));
        assertThat(shown.matches()).isTrue();
        long shownBytes = bytes(shown.group(2), shown.group(3));
        long launcherBytes = cluster.heldBytes().orElseThrow();
        assertThat(Integer.parseInt(shown.group(1))).isEqualTo(processes);
        assertThat(shownBytes).isPositive()
                .isBetween((long) (launcherBytes * 0.75) - (64L << 20), (long) (launcherBytes * 1.25) + (64L << 20));
        assertThat(shown.group(4)).as("this app's own memory beside the cluster's").isNotNull();

        // Responsive while the cluster runs: the FX thread answers, frames keep coming, a click selects a worker.
        long framesBefore = monitor.framesProperty().get();
        var slowest = slowestFxRoundTrip();
        assertThat(monitor.framesProperty().get() - framesBefore).as("frames in 5 s").isGreaterThan(4);
        var chosen = "worker-search-2";
        robot.clickOn(robot.from(scene.getRoot()).lookup("#chip-" + chosen).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> monitor.selectedProperty().get() != null
                && monitor.selectedProperty().get().name().equals(chosen) && !monitor.log().isEmpty());
        assertThat(robot.from(scene.getRoot()).lookup(".card-title").queryAllAs(Label.class))
                .extracting(Label::getText).contains("Log of " + chosen);

        for (var theme : Theme.values()) {
            robot.interact(theme::apply);
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(scene, "big-" + theme.name().toLowerCase() + "-1280x800.png");
        }
        robot.interact(() -> {
            Theme.LIGHT.apply();
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Looks.screenshot(scene, "big-light-1600x1000.png");

        long doubts = List.copyOf(monitor.timeline()).stream().filter(e -> e.type() == EventType.SUSPECT
                || e.type() == EventType.UNHEALTHY).count();
        System.out.printf("big.json: all %d workers healthy in the live view's grid %.1f s after Launch (the launcher: %.1f s"
                        + " from the first spawn); %s; slowest FX round trip %d ms; %d of %d healthy at the end,"
                        + " %d suspect or unhealthy events in the last 90 s%n", workers, healthyAfter.toMillis() / 1000.0,
                cluster.timeToReady().toMillis() / 1000.0, shown.group(), slowest.toMillis(),
                healthyWorkers(monitor), workers, doubts);

        robot.clickOn(robot.from(scene.getRoot()).lookup("#monitor-stop").queryButton());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.launch().stateProperty().get() == LaunchState.IDLE);
        assertThat(window.monitorWindow()).isEmpty();
        var everyPid = new ArrayList<>(pids);
        monitor.processes().forEach(row -> everyPid.add(row.pidProperty().get()));
        for (int i = 0; i < 20 && everyPid.stream().anyMatch(BigClusterIT::alive); i++) {
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        }
        assertThat(everyPid).filteredOn(BigClusterIT::alive).as("processes left running").isEmpty();
    }

    /** Twenty empty round trips to the FX thread over five seconds, each answered within five seconds. */
    private static Duration slowestFxRoundTrip() throws Exception {
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> { }).get(5, TimeUnit.SECONDS);
            slowest = Math.max(slowest, System.nanoTime() - start);
            WaitForAsyncUtils.sleep(250, TimeUnit.MILLISECONDS);
        }
        return Duration.ofNanos(slowest);
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long healthyWorkers(MonitorViewModel monitor) {
        return List.copyOf(monitor.processes()).stream().filter(r -> r.isWorker() && r.health() == Health.UP).count();
    }

    private static String memoryText(FxRobot robot) {
        var label = robot.lookup("#cluster-memory").queryAs(Label.class);
        return label.getText() == null ? "" : label.getText();
    }

    private static long bytes(String number, String unit) {
        return Long.parseLong(number) << (unit.equals("GB") ? 30 : 20);
    }
}
