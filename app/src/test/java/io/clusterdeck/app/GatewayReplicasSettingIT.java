package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The designer's service settings show a design's gateways, and a change of their number is planned at once. */
@ExtendWith(ApplicationExtension.class)
class GatewayReplicasSettingIT {
    @TempDir
    Path temp;

    private DesignerFixture designer;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        designer = DesignerFixture.open(stage, temp, "webshop-ha.json");
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        robot.interact(() -> designer.window.view().themeProperty().set(Theme.LIGHT));
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void theServiceSettingsShowTwoGatewaysAndAThirdIsPlannedOnceAsked(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.clickOn("Services");
        WaitForAsyncUtils.waitForFxEvents();

        var field = robot.lookup("#gateway-replicas").queryAs(TextField.class);
        assertThat(field.getText()).isEqualTo("2");
        for (var theme : Theme.values()) {
            robot.interact(() -> designer.window.view().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(stage.getScene(), "gateway-settings-" + theme.name().toLowerCase() + "-1280x800.png");
            Node shown = robot.lookup("#gateway-replicas").query();
            assertThat(Looks.visible(shown) && Looks.insideScene(shown)).as("the field on screen in %s", theme).isTrue();
            var caption = robot.lookup(".setting-caption").queryAllAs(Label.class).stream()
                    .filter(l -> l.getText().equals("Gateways")).findFirst().orElseThrow();
            assertThat(Looks.shownWhole(caption)).as("its caption shown whole in %s", theme).isTrue();
            assertThat(Looks.contrast(Looks.textColor(caption), Looks.background(caption)))
                    .as("its caption's contrast in %s", theme).isGreaterThanOrEqualTo(4.5);
        }

        robot.doubleClickOn("#gateway-replicas").write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(designer.window.model().design().gateway().replicas()).isEqualTo(3);
        assertThat(designer.window.model().plan()).extracting(row -> row.name())
                .contains("gateway-1", "gateway-2", "gateway-3");
        assertThat(designer.window.model().jsonProperty().get()).contains("\"replicas\": 3");
    }
}
