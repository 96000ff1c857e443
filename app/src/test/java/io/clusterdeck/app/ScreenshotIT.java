package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.designer.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ScreenshotIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path temp;

    private DesignerFixture designer;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        designer = DesignerFixture.open(stage, Files.createTempDirectory(temp, "shot"), "webshop.json");
    }

    @AfterEach
    void clearToolkitErrors() {
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void theDesignerWithTheWebshopOpenIsCapturedInLight(FxRobot robot) throws Exception {
        assertThat(capture(robot, Theme.LIGHT, "designer-light.png")).isNotEmptyFile();
    }

    @Test
    void theDesignerWithTheWebshopOpenIsCapturedInDark(FxRobot robot) throws Exception {
        assertThat(capture(robot, Theme.DARK, "designer-dark.png")).isNotEmptyFile();
    }

    private Path capture(FxRobot robot, Theme theme, String name) throws Exception {
        robot.interact(() -> {
            designer.window.view().themeProperty().set(theme);
            designer.window.model().selectionProperty().set(Selection.function("orders/checkout"));
            ((javafx.scene.control.TabPane) stage.getScene().lookup("#previews")).getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(30, TimeUnit.SECONDS);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        robot.interact(() -> designer.window.view().themeProperty().set(Theme.LIGHT));
        return file;
    }
}
