package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.Looks;
import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.monitor.view.MonitorView;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The live view of a design with two gateways, scripted through the kill of gateway-2. */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class GatewayTopologyTest {
    private Stage stage;
    private MonitorViewModel monitor;
    private GatewayKillScenario scenario;
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

    private void show(FxRobot robot, Theme theme, double until) {
        robot.interact(() -> {
            theme.apply();
            scenario = new GatewayKillScenario();
            monitor = new MonitorViewModel(scenario.cluster, Runnable::run);
            monitor.start();
            scene = new Scene(new MonitorView(monitor), 1600, 1000);
            stage.setScene(scene);
            stage.show();
            scenario.playUntil(until, monitor);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }

    @Test
    void eachGatewayIsANodeOfItsOwnJoinedToTheProxyAndToEverySegment(FxRobot robot) {
        show(robot, Theme.LIGHT, 10);

        Node proxy = robot.lookup("#node-proxy").query();
        List<Node> gateways = List.of(robot.lookup("#node-gateway-1").query(), robot.lookup("#node-gateway-2").query());
        var lines = robot.lookup(".topology .edge").queryAllAs(Line.class);
        for (var gateway : gateways) {
            var box = bounds(gateway);
            // An edge from the proxy's right side ends at the gateway's left side, and one leaves its right for each segment.
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.localToScene(line.getStartX(), line.getStartY()).getX())
                        .isCloseTo(bounds(proxy).getMaxX(), org.assertj.core.data.Offset.offset(3.0));
                assertThat(box.contains(line.localToScene(line.getEndX() + 1, line.getEndY()))).isTrue();
            });
            assertThat(lines).filteredOn(line -> !line.getStyleClass().contains("dashed")
                    && box.contains(line.localToScene(line.getStartX() - 1,
                    line.getStartY()))).hasSize(monitor.segments().size());
        }
        for (var gateway : gateways) {
            var title = (Label) gateway.lookup(".node-title");
            assertThat(Looks.shownWhole(title)).as("%s shown whole", title.getText()).isTrue();
        }
        assertThat(((Label) gateways.get(1).lookup(".node-title")).getText()).isEqualTo("gateway-2");
        var detail = (Label) gateways.get(1).lookup(".node-detail");
        assertThat(detail.getText()).matches("running · \\d+/s");
        assertThat(Looks.shownWhole(detail)).as("gateway detail shown whole").isTrue();
        List<Node> services = List.of(proxy, gateways.get(0), gateways.get(1), robot.lookup("#node-repository").query());
        for (int i = 0; i < services.size(); i++) {
            for (int j = i + 1; j < services.size(); j++) {
                assertThat(bounds(services.get(i)).intersects(bounds(services.get(j)))).as("nodes %d and %d overlap", i, j)
                        .isFalse();
            }
            for (var segment : robot.lookup(".segment-box").queryAll()) {
                assertThat(bounds(services.get(i)).intersects(bounds(segment))).isFalse();
            }
        }
        var entry = robot.lookup(".topology .edge-label").queryAllAs(Label.class).stream()
                .filter(l -> bounds(l).getCenterX() < bounds(gateways.get(0)).getMinX()).findFirst().orElseThrow();
        assertThat(bounds(entry).getMinY()).isGreaterThanOrEqualTo(bounds(robot.lookup(".topology").query()).getMinY());
        assertThat(gateways).noneSatisfy(g -> assertThat(bounds(entry).intersects(bounds(g))).isTrue());
    }

    @Test
    void aGatewayChosenInTheGridCanBeKilledButNotMadeUnhealthy(FxRobot robot) {
        show(robot, Theme.LIGHT, 10);

        robot.clickOn("#node-gateway-2");

        assertThat(monitor.selectedProperty().get().name()).isEqualTo("gateway-2");
        assertThat(robot.lookup("#action-make-unhealthy").queryButton().isDisabled()).isTrue();
        robot.clickOn("#action-kill");
        assertThat(scenario.cluster.commands).contains("kill gateway-2");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Theme.class)
    void afterTheKillTheGatewaysAndTheReportAreShownInBothThemes(Theme theme, FxRobot robot) throws Exception {
        show(robot, theme, 21);
        Looks.screenshot(scene, "gateways-" + theme.name().toLowerCase() + "-during.png");
        assertThat(robot.lookup("#node-gateway-2").query().getPseudoClassStates()).extracting(Object::toString)
                .contains("down");

        robot.interact(() -> scenario.playUntil(30, monitor));
        WaitForAsyncUtils.waitForFxEvents();
        Looks.screenshot(scene, "gateways-" + theme.name().toLowerCase() + "-after.png");

        assertThat(robot.lookup(".topology .node-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("gateway-1", "gateway-2");
        assertThat(robot.lookup(".fault-report").queryAs(Label.class).getText())
                .startsWith("kill gateway-2: detected in 0.03 s · back after 2.00 s");
        var legend = robot.lookup("#load-gateways .legend-item").queryAllAs(Label.class);
        assertThat(legend).extracting(Label::getText).anySatisfy(t -> assertThat(t).startsWith("gateway-2 "));
        for (var title : robot.lookup(".topology .node-title").queryAllAs(Label.class)) {
            assertThat(Looks.contrast(Looks.textColor(title), Looks.background(title))).as(title.getText())
                    .isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void aSingleGatewayIsOneNodeWithTheEdgesItAlwaysHad(FxRobot robot) {
        robot.interact(() -> {
            var single = new KillScenario();
            monitor = new MonitorViewModel(single.cluster, Runnable::run);
            monitor.start();
            scene = new Scene(new MonitorView(monitor), 1600, 1000);
            stage.setScene(scene);
            stage.show();
            single.playUntil(5, monitor);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Node gateway = robot.lookup("#node-gateway").query();
        assertThat(((Label) gateway.lookup(".node-detail")).getText()).isEqualTo("running");
        assertThat(robot.lookup(".topology .service-node").queryAll()).hasSize(3);
        assertThat(robot.lookup(".topology .edge").queryAll()).hasSize(1 + 1 + monitor.segments().size());
        assertThat(monitor.gatewayLoad()).isEmpty();
        assertThat(robot.lookup("#load-gateways").tryQuery()).isEmpty();
    }
}
