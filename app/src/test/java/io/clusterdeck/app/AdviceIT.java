package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.experiment.view.ExperimentView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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

/**
 * Advice in the designer on webshop-merged from a real profile of a run of it: the card with its evidence, in both
 * themes at 1280x800, applied and undone, and compared with the advised design.
 */
@ExtendWith(ApplicationExtension.class)
class AdviceIT {
    private static final KeyCodeCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);

    @TempDir
    Path temp;

    private DesignerFixture designer;
    private Stage stage;
    private Path profile;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        designer = DesignerFixture.open(stage, temp, "webshop-merged.json");
        profile = Files.copy(Path.of(AdviceIT.class.getResource("/merged-profile.json").toURI()),
                designer.file.resolveSibling("merged-profile.json"));
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        robot.interact(() -> designer.window.experimentsWindow().ifPresent(Stage::close));
        robot.interact(() -> designer.window.view().themeProperty().set(Theme.LIGHT));
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void theSplitCardShowsItsEvidenceAndApplyingItIsOneUndoableEdit(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        robot.interact(() -> designer.window.advise(profile));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".suggestion-card").queryAll()).hasSize(1);
        assertThat(text(robot, "#advice-card-1 .advice-tag")).isEqualTo("split");
        assertThat(text(robot, "#advice-evidence-1")).startsWith("40.44 ms CPU per call, 36.56x the median of the "
                + "other functions of 'storefront' (1.11 ms); 81% of the segment's CPU;");
        assertThat(text(robot, "#advice-summary")).isEqualTo("1 suggestion from a 20.4 s profile");

        for (var theme : Theme.values()) {
            robot.interact(() -> designer.window.view().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(stage.getScene(), "advise-" + theme.name().toLowerCase() + "-1280x800.png");
            for (var id : List.of("#advice-apply-1", "#advice-apply-all", "#advice-compare", "#advice-close",
                    "#advice-choose-profile", "#advice-card-1", "#launch", "#advise")) {
                Node node = robot.lookup(id).query();
                assertThat(Looks.visible(node) && Looks.insideScene(node)).as("%s on screen in %s", id, theme).isTrue();
            }
            for (var label : robot.lookup("#advice-panel .label").queryAllAs(Label.class)) {
                if (Looks.visible(label) && label.getText() != null && !label.getText().isEmpty()) {
                    assertThat(Looks.shownWhole(label)).as("'%s' shown whole in %s", label.getText(), theme).isTrue();
                }
            }
            for (var selector : List.of(".advice-title", ".advice-tag", ".advice-subject", ".advice-message",
                    ".advice-caption", ".advice-evidence", ".advice-effect", ".advice-summary", ".advice-profile")) {
                var label = robot.lookup(selector).queryAs(Label.class);
                assertThat(Looks.contrast(Looks.textColor(label), Looks.background(label)))
                        .as("contrast of %s in %s", selector, theme).isGreaterThanOrEqualTo(4.5);
            }
        }

        robot.clickOn("#advice-apply-1");

        assertThat(functionsOnCanvas(robot, "images-thumbnail")).containsExactly("images/thumbnail");
        assertThat(functionsOnCanvas(robot, "storefront")).doesNotContain("images/thumbnail");
        assertThat(robot.lookup(".segment-card").queryAll()).hasSize(3);
        assertThat(robot.lookup(".suggestion-card .advice-tag").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the advice worked out anew for the split design").doesNotContain("split");
        Looks.screenshot(stage.getScene(), "advise-applied-dark-1280x800.png");

        robot.push(UNDO);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".segment-card").<Node>queryAll()).extracting(Node::getId)
                .containsExactlyInAnyOrder("segment-storefront", "segment-orders");
        assertThat(functionsOnCanvas(robot, "storefront")).contains("images/thumbnail");
        assertThat(text(robot, "#advice-card-1 .advice-tag")).isEqualTo("split");
        assertThat(designer.window.model().canUndoProperty().get()).isFalse();
    }

    @Test
    void compareWithAdvisedOpensTheExperimentsWithTheAdvisedDesignAsB(FxRobot robot) throws Exception {
        robot.interact(() -> designer.window.advise(profile));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#advice-compare");
        WaitForAsyncUtils.waitForFxEvents();

        var window = designer.window.experimentsWindow().orElseThrow();
        var model = ((ExperimentView) window.getScene().getRoot()).model();
        assertThat(model.a().design()).isEqualTo(designer.window.model().design());
        assertThat(model.bProperty().get().design().name()).isEqualTo("webshop-merged-advised");
        assertThat(model.bProperty().get().design().segment("images-thumbnail")).isPresent();
        assertThat(model.bProperty().get().file()).isEqualTo(designer.file);
        assertThat(robot.from(window.getScene().getRoot()).lookup("#experiment-b-name").queryAs(Label.class).getText())
                .isEqualTo("webshop-merged-advised");
        assertThat(model.canRunProperty().get()).isTrue();
        Looks.screenshot(window.getScene(), "advise-compare-light.png");
        assertThat(designer.window.model().canUndoProperty().get()).as("the open design unchanged").isFalse();
    }

    @Test
    void aFileThatIsNotAProfileShowsWhichFileAndLine(FxRobot robot) throws Exception {
        var bad = Files.writeString(temp.resolve("bad-profile.json"),
                Files.readString(profile).replace("\"seconds\": 20.41", "\"seconds\": 0"));

        robot.interact(() -> designer.window.advise(bad));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#advice-failure"))
                .isEqualTo("bad-profile.json is not a profile Clusterdeck can read: 1 problem");
        assertThat(robot.lookup("#advice-panel .open-problem").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("bad-profile.json:4:14: seconds: must be above 0, was 0.0");
        assertThat(robot.lookup(".suggestion-card").queryAll()).isEmpty();
        Looks.screenshot(stage.getScene(), "advise-bad-profile-light.png");
    }

    @Test
    void aProfileOfAnotherDesignIsAdvisedUnderAWarning(FxRobot robot) throws Exception {
        var other = Files.writeString(temp.resolve("other-profile.json"),
                Files.readString(profile).replace("\"design\": \"webshop-merged\"", "\"design\": \"webshop\""));

        robot.interact(() -> designer.window.advise(other));
        WaitForAsyncUtils.waitForFxEvents();

        var warning = robot.lookup("#advice-warning").queryAs(Label.class);
        assertThat(warning.getText()).isEqualTo("other-profile.json is a profile of design 'webshop', not "
                + "'webshop-merged': advice for functions it does not measure rests on nothing");
        assertThat(Looks.visible(warning)).isTrue();
        assertThat(robot.lookup(".suggestion-card").queryAll()).hasSize(1);
        for (var theme : Theme.values()) {
            robot.interact(() -> designer.window.view().themeProperty().set(theme));
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(stage.getScene(), "advise-warning-" + theme.name().toLowerCase() + ".png");
            assertThat(Looks.contrast(Looks.textColor(warning), Looks.background(warning)))
                    .as("contrast of the warning in %s", theme).isGreaterThanOrEqualTo(4.5);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<String> functionsOnCanvas(FxRobot robot, String segment) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#segment-" + segment).query().lookupAll(".function-chip").stream()
                .map(chip -> ((Label) chip.lookup(".function-name")).getText()).toList();
    }
}
