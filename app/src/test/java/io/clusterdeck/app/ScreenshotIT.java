package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.designer.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The designer on the web shop in both themes, on a large and a small screen: all of it on screen and readable. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotIT {
    @TempDir
    static java.nio.file.Path temp;

    private DesignerFixture designer;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        designer = DesignerFixture.open(stage, Files.createTempDirectory(temp, "shot"), "webshop.json");
    }

    @AfterEach
    void backToLight(FxRobot robot) {
        robot.interact(() -> designer.window.view().themeProperty().set(Theme.LIGHT));
        WaitForAsyncUtils.clearExceptions();
    }

    static Stream<Arguments> looks() {
        return Stream.of(Arguments.of(Theme.LIGHT, 1600, 1000), Arguments.of(Theme.DARK, 1600, 1000),
                Arguments.of(Theme.LIGHT, 1280, 800), Arguments.of(Theme.DARK, 1280, 800));
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @MethodSource("looks")
    void theDesignerWithTheWebshopOpenIsWhollyOnScreenAndReadable(Theme theme, int width, int height, FxRobot robot)
            throws Exception {
        show(robot, theme, width, height);
        var root = stage.getScene().getRoot();
        var picture = Looks.screenshot(stage.getScene(),
                "designer-" + theme.name().toLowerCase() + "-" + width + "x" + height + ".png");

        assertThat(stage.getScene().getWidth()).isEqualTo(width);
        assertThat(picture.getWidth()).isEqualTo(stage.getScene().getWidth());
        assertThat(picture.getHeight()).isEqualTo(stage.getScene().getHeight());
        for (var id : new String[] {"#launch", "#undo", "#redo", "#save", "#add-segment", "#advise", "#compare", "#toggle-theme",
                "#inspector", "#palette", "#status-summary"}) {
            var node = robot.lookup(id).query();
            assertThat(Looks.visible(node) && Looks.insideScene(node)).as("%s on screen", id).isTrue();
        }
        var title = robot.lookup("#design-title").queryAs(Label.class);
        assertThat(Looks.contrast(Looks.textColor(title), Looks.background(title))).as("title contrast")
                .isGreaterThanOrEqualTo(4.5);
        assertReadableAsDrawn(picture, title, "title");
        var cards = root.lookupAll(".segment-card");
        assertThat(cards).as("segment cards").hasSize(3);
        for (Node card : cards) {
            var name = (Label) card.lookup(".card-title");
            assertThat(Looks.contrast(Looks.textColor(name), Looks.background(name))).as("card %s", name.getText())
                    .isGreaterThanOrEqualTo(4.5);
            assertReadableAsDrawn(picture, name, "card " + name.getText());
        }
    }

    /** The picture agrees with the scene: a label's box is mostly its background, and its text stands out on it. */
    private static void assertReadableAsDrawn(Image picture, Label label, String what) {
        var drawn = Looks.drawnColors(picture, label);
        var ground = drawn.get(0);
        assertThat(Looks.contrast(ground, Looks.background(label))).as("%s background as drawn", what).isLessThan(1.1);
        assertThat(drawn.stream().mapToDouble(c -> Looks.contrast(c, ground)).max().orElse(1))
                .as("%s text as drawn", what).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void atItsSmallestTheWindowStillShowsLaunch(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(960);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();

        for (var id : new String[] {"#launch", "#compare", "#advise"}) {
            var node = robot.lookup(id).query();
            assertThat(Looks.visible(node) && Looks.insideScene(node)).as("%s on screen", id).isTrue();
        }
    }

    @Test
    void theWindowOpensAtItsFullSizeNotItsSmallest() {
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();

        assertThat(stage.getWidth()).isGreaterThanOrEqualTo(Math.min(DesignerWindow.WIDTH, screen.getWidth()) - 1);
        assertThat(stage.getHeight()).isGreaterThanOrEqualTo(Math.min(DesignerWindow.HEIGHT, screen.getHeight()) - 1);
    }

    private void show(FxRobot robot, Theme theme, int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            designer.window.view().themeProperty().set(theme);
            designer.window.model().selectionProperty().set(Selection.function("orders/checkout"));
            ((javafx.scene.control.TabPane) stage.getScene().lookup("#previews")).getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
