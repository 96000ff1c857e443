package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.launcher.LaunchState;
import io.clusterdeck.app.monitor.BoundedSeries;
import io.clusterdeck.app.monitor.FaultSummary;
import io.clusterdeck.app.monitor.Health;
import io.clusterdeck.app.monitor.MonitorViewModel;
import io.clusterdeck.app.monitor.ProcessRow;
import io.clusterdeck.app.monitor.TimelineEntry;
import io.clusterdeck.app.monitor.view.MonitorView;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.ProcessStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The web shop with two gateways, launched from the designer: the live view shows both gateways carrying traffic;
 * gateway-2 killed from the live view goes down while gateway-1 carries every call, comes back, and its story and
 * failover report are on the timeline; Stop leaves nothing running.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 7, unit = TimeUnit.MINUTES)
class GatewayFailoverIT {
    private static final String VICTIM = "gateway-2";
    private static final String SURVIVOR = "gateway-1";

    @TempDir
    static Path temp;

    private DesignerWindow window;
    private Stage designer;

    @Start
    void start(Stage stage) throws IOException {
        designer = stage;
        // Ports of their own, away from the example's: another launch of webshop-ha on this machine is no clash.
        window = DesignerFixture.open(stage, temp, "webshop-ha.json",
                text -> text.replace("\"base\": 7700", "\"base\": 17700")).window;
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
    @SuppressWarnings("unchecked")
    void bothGatewaysCarryTrafficAndAKilledOneFailsOverToTheOtherWithItsStoryOnTheTimeline(FxRobot robot)
            throws Exception {
        robot.clickOn(robot.from(designer.getScene().getRoot()).lookup("#launch").queryButton());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> window.launch().stateProperty().get() == LaunchState.RUNNING);
        var cluster = window.launch().cluster().orElseThrow();
        List<Long> pids = cluster.processes().stream().map(ProcessStatus::pid).toList();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.monitorWindow().isPresent());
        var stage = window.monitorWindow().orElseThrow();
        var scene = stage.getScene();
        var root = scene.getRoot();
        var monitor = ((MonitorView) root).model();
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> List.copyOf(monitor.processes()).size() == 11
                && List.copyOf(monitor.processes()).stream().allMatch(r -> r.health() == Health.UP));

        // A little load: both gateways come to carry some of it, in the grid and in the topology.
        robot.interact(() -> ((javafx.scene.control.Spinner<Integer>) root.lookup("#traffic-rate")).getValueFactory()
                .setValue(30));
        robot.clickOn(robot.from(root).lookup("#traffic-toggle").queryButton());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> carries(monitor, SURVIVOR) && carries(monitor, VICTIM)
                && gridRate(robot, root, SURVIVOR).matches("[1-9]\\d*(\\.\\d)?/s|0\\.[1-9]/s")
                && gridRate(robot, root, VICTIM).matches("[1-9]\\d*(\\.\\d)?/s|0\\.[1-9]/s"));
        assertThat(nodeTitles(robot, root)).contains(SURVIVOR, VICTIM);
        for (var theme : Theme.values()) {
            robot.interact(theme::apply);
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(scene, "gateways-live-" + theme.name().toLowerCase() + "-before.png");
        }
        robot.interact(Theme.LIGHT::apply);

        // gateway-2 killed from the live view: chosen in the topology, killed with the grid's action.
        robot.clickOn(robot.from(root).lookup("#node-" + VICTIM).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> monitor.selectedProperty().get() != null
                && monitor.selectedProperty().get().name().equals(VICTIM));
        long victimPid = monitor.process(VICTIM).orElseThrow().pidProperty().get();
        robot.clickOn(robot.from(root).lookup("#action-kill").queryButton());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> story(monitor).containsAll(List.of(EventType.FAULT,
                EventType.EXITED, EventType.RESTARTED, EventType.READY)) && report(monitor).map(FaultSummary::closed)
                .orElse(false) && monitor.process(VICTIM).orElseThrow().health() == Health.UP);
        // Traffic through the new gateway-2 again, so the pictures show both carrying it.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> carries(monitor, VICTIM) && carries(monitor, SURVIVOR));
        for (var theme : Theme.values()) {
            robot.interact(theme::apply);
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(scene, "gateways-live-" + theme.name().toLowerCase() + "-after.png");
        }
        robot.interact(Theme.LIGHT::apply);

        var victim = monitor.process(VICTIM).orElseThrow();
        assertThat(victim.restartsProperty().get()).isEqualTo(1);
        assertThat(victim.pidProperty().get()).isPositive().isNotEqualTo(victimPid);
        assertThat(story(monitor)).containsSubsequence(EventType.FAULT, EventType.EXITED, EventType.RESTARTED,
                EventType.READY);
        var report = report(monitor).orElseThrow();
        assertThat(report.detected()).isNotNull();
        assertThat(report.recovered()).isNotNull();
        assertThat(robot.from(root).lookup(".fault-report").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(text -> assertThat(text).startsWith("kill " + VICTIM + ": detected in ")
                        .contains(" · back after "));
        // While gateway-2 was out, gateway-1 carried the calls, and they kept being answered.
        var load = monitor.gatewayLoad().orElseThrow();
        assertThat(samplesCarriedAlone(load.calls(SURVIVOR), load.calls(VICTIM), load.samples()))
                .as("samples where gateway-1 carried every call").isPositive();
        assertThat(monitor.traffic().okSeries().last()).isPositive();
        assertThat(nodeTitles(robot, root)).contains(SURVIVOR, VICTIM);

        robot.clickOn(robot.from(root).lookup("#monitor-stop").queryButton());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> window.launch().stateProperty().get() == LaunchState.IDLE);
        var everyPid = new ArrayList<>(pids);
        everyPid.add(victim.pidProperty().get());
        for (int i = 0; i < 20 && everyPid.stream().anyMatch(GatewayFailoverIT::alive); i++) {
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        }
        assertThat(everyPid).filteredOn(GatewayFailoverIT::alive).as("processes left running").isEmpty();
    }

    private static boolean carries(MonitorViewModel monitor, String gateway) {
        var row = monitor.process(gateway).orElseThrow();
        return row.health() == Health.UP && row.callsPerSecondProperty().get() > 0;
    }

    /** The gateway's Calls/s as the health grid shows it. */
    @SuppressWarnings("unchecked")
    private static String gridRate(FxRobot robot, Parent root, String gateway) {
        var table = (TableView<ProcessRow>) root.lookup(".health-grid .table-view");
        var column = table.getColumns().stream().filter(c -> c.getText().equals("Calls/s")).findFirst().orElseThrow();
        var row = table.getItems().stream().filter(r -> r.name().equals(gateway)).findFirst().orElseThrow();
        var value = WaitForAsyncUtils.asyncFx(() -> String.valueOf(column.getCellObservableValue(row).getValue()));
        return WaitForAsyncUtils.waitFor(value);
    }

    private static List<String> nodeTitles(FxRobot robot, Parent root) {
        return robot.from(root).lookup(".topology .node-title").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
    }

    private static List<EventType> story(MonitorViewModel monitor) {
        return List.copyOf(monitor.timeline()).stream().filter(e -> e.subject() != null && e.subject().equals(VICTIM))
                .map(TimelineEntry::type).toList();
    }

    private static java.util.Optional<FaultSummary> report(MonitorViewModel monitor) {
        return List.copyOf(monitor.faults()).stream().filter(f -> f.worker().equals(VICTIM)).findFirst();
    }

    private static long samplesCarriedAlone(BoundedSeries survivor, BoundedSeries victim, int samples) {
        long alone = 0;
        for (int i = Math.max(0, survivor.size() - samples); i < survivor.size(); i++) {
            if (survivor.get(i) > 0 && victim.get(i) == 0) {
                alone++;
            }
        }
        return alone;
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
