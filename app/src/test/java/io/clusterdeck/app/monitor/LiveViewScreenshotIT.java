package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.Looks;
import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.monitor.view.MonitorView;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live view after a recorded kill of worker-images-2 under traffic, in both themes, on a large and a small
 * screen: every part readable and on screen, saved as a screenshot for the README.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class LiveViewScreenshotIT {
    private static final java.nio.file.Path BIG = java.nio.file.Path.of("..", "designs", "big.json");
    private Stage stage;
    private MonitorViewModel monitor;
    private Scene scene;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToLight(FxRobot robot) {
        robot.interact(Theme.LIGHT::apply);
        WaitForAsyncUtils.clearExceptions();
    }

    static Stream<Arguments> looks() {
        return Stream.of(Arguments.of(Theme.LIGHT, 1600, 1000), Arguments.of(Theme.DARK, 1600, 1000),
                Arguments.of(Theme.LIGHT, 1280, 800), Arguments.of(Theme.DARK, 1280, 800));
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @MethodSource("looks")
    void theLiveViewAfterAKillIsReadableAndWhollyOnScreen(Theme theme, int width, int height, FxRobot robot)
            throws Exception {
        show(robot, theme, width, height);
        var root = scene.getRoot();
        Looks.screenshot(scene, "live-" + theme.name().toLowerCase() + "-" + width + "x" + height + ".png");

        for (var chip : root.lookupAll(".worker-chip")) {
            var name = (Label) chip.lookup(".chip-name");
            assertThat(Looks.contrast(Looks.textColor(name), Looks.background(chip)))
                    .as("contrast of %s on its chip", name.getText()).isGreaterThanOrEqualTo(4.5);
        }
        var report = robot.lookup(".fault-report").queryAs(Label.class);
        assertThat(Looks.contrast(Looks.textColor(report), Looks.background(report))).as("fault report contrast")
                .isGreaterThanOrEqualTo(4.5);
        double lane = Looks.luminance(Looks.pixel(robot.lookup(".timeline .canvas-pane").query(), 120, 8));
        if (theme == Theme.DARK) {
            assertThat(lane).as("timeline background in dark").isLessThan(0.1);
        } else {
            assertThat(lane).as("timeline background in light").isGreaterThan(0.8);
        }

        var record = robot.lookup("#record-profile").queryButton();
        assertThat(Looks.insideScene(record) && Looks.shownWhole(record)).as("Record profile on screen").isTrue();
        for (var card : root.lookupAll(".card")) {
            assertThat(Looks.insideScene(card)).as("card %s inside the window", title(card)).isTrue();
        }
        var table = robot.lookup(".health-grid .table-view").queryAs(TableView.class);
        var tableBounds = table.localToScene(table.getBoundsInLocal());
        long rowsShown = table.lookupAll(".table-row-cell").stream().filter(row -> Looks.visible(row)
                && ((javafx.scene.control.TableRow<?>) row).getItem() != null
                && row.localToScene(row.getBoundsInLocal()).getMinY() >= tableBounds.getMinY() - 0.5
                && row.localToScene(row.getBoundsInLocal()).getMaxY() <= tableBounds.getMaxY() + 0.5).count();
        assertThat(rowsShown).as("health grid rows shown").isEqualTo(monitor.processes().size());
        for (var name : root.lookupAll(".segment-box .segment-name")) {
            assertThat(Looks.shownWhole((Label) name)).as("segment name %s", ((Label) name).getText()).isTrue();
        }
        assertThat(robot.lookup("#latency-workers-title").queryAs(Label.class).getText()).endsWith("since it registered");
        assertThat(robot.lookup("#latency-functions-title").queryAs(Label.class).getText()).endsWith("last second");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Theme.class)
    void aFortyFourWorkerClusterStaysLegibleOnASmallScreen(Theme theme, FxRobot robot) throws Exception {
        robot.interact(() -> {
            theme.apply();
            var scenario = new KillScenario(KillScenario.plan(BIG));
            monitor = new MonitorViewModel(scenario.cluster, Runnable::run);
            monitor.start();
            scene = new Scene(new MonitorView(monitor, new MonitorView.Actions(() -> { }, () -> { })), 1280, 800);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
            scenario.playUntil(5, monitor);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var root = scene.getRoot();
        Looks.screenshot(scene, "live-big-" + theme.name().toLowerCase() + "-1280x800.png");

        for (var card : root.lookupAll(".card")) {
            assertThat(Looks.insideScene(card)).as("card %s inside the window", title(card)).isTrue();
        }
        for (var name : root.lookupAll(".segment-box .segment-name")) {
            assertThat(Looks.shownWhole((Label) name)).as("segment name %s", ((Label) name).getText()).isTrue();
        }
        var table = robot.lookup(".health-grid .table-view").queryAs(TableView.class);
        for (int row : new int[] {0, monitor.processes().size() - 1}) {
            robot.interact(() -> table.scrollTo(row));
            WaitForAsyncUtils.waitForFxEvents();
            if (row > 0) {
                Looks.screenshot(scene, "live-big-" + theme.name().toLowerCase() + "-1280x800-grid-end.png");
            }
            var labels = new java.util.ArrayList<javafx.scene.control.Labeled>();
            root.lookupAll(".health-grid .column-header .label").forEach(n -> labels.add((Label) n));
            root.lookupAll(".health-grid .table-cell .label").forEach(n -> labels.add((Label) n));
            root.lookupAll(".health-grid .table-cell").forEach(n -> labels.add((javafx.scene.control.Labeled) n));
            labels.removeIf(l -> l.getText() == null || l.getText().isEmpty() || !Looks.visible(l));
            assertThat(labels).hasSizeGreaterThan(8 * 8);
            for (var label : labels) {
                assertThat(Looks.shownWhole(label)).as("health grid text %s", label.getText()).isTrue();
            }
        }
        assertThat(HealthGridReading.healthyWorkers(robot, root)).hasSize(44);
        var memory = robot.lookup("#cluster-memory").queryAs(Label.class);
        assertThat(memory.getText()).startsWith("47 processes hold ");
        assertThat(Looks.insideScene(memory) && Looks.shownWhole(memory)).as("cluster memory shown whole").isTrue();
    }

    private void show(FxRobot robot, Theme theme, int width, int height) {
        robot.interact(() -> {
            theme.apply();
            var scenario = new KillScenario();
            monitor = new MonitorViewModel(scenario.cluster, Runnable::run);
            monitor.start();
            var design = io.clusterdeck.design.DesignFiles.load(KillScenario.WEBSHOP).orThrow();
            var recorder = new ProfileRecorder(design, java.util.List::of,
                    ProfileRecorder.suggestedFile(design, KillScenario.WEBSHOP), Runnable::run, Runnable::run,
                    java.time.Clock.systemUTC());
            scene = new Scene(new MonitorView(monitor, new MonitorView.Actions(() -> { }, () -> { }, recorder)), width,
                    height);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
            monitor.select(KillScenario.VICTIM);
            monitor.startTraffic();
            scenario.playUntil(19.75, monitor);
            scenario.cluster.logLine(KillScenario.VICTIM, "[launcher] fault: kill (SIGKILL) of pid 4107");
            scenario.playUntil(32, monitor);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String title(Node card) {
        var heading = card.lookup(".card-title");
        return heading instanceof Label label ? label.getText() : card.getStyleClass().toString();
    }
}
