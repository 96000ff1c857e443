package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.common.Theme;
import io.clusterdeck.app.experiment.ExperimentViewModel;
import io.clusterdeck.app.experiment.view.ExperimentView;
import io.clusterdeck.compare.Comparison.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
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
 * A real experiment from the designer: front/page calling back/stock across two segments (A) against the same in
 * one segment (B), launched in turn as processes, compared in the Experiments window at 1280x800 in both themes.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ExperimentsIT {
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");

    @TempDir
    static Path temp;

    private DesignerFixture designer;
    private Path merged;

    @Start
    void start(Stage stage) throws Exception {
        var designs = Files.createDirectories(temp.resolve("designs"));
        var split = TinyDesigns.write(TinyDesigns.split(), designs);
        merged = TinyDesigns.write(TinyDesigns.merged(), designs);
        designer = DesignerFixture.openFile(stage, temp, split);
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws Exception {
        robot.interact(() -> designer.window.experimentsWindow().ifPresent(Stage::close));
        robot.interact(Theme.LIGHT::apply);
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void aShortExperimentShowsTheMergedDesignBetterOnGatewayHopsAndLeavesNothingRunning(FxRobot robot) throws Exception {
        robot.clickOn("#compare");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> designer.window.experimentsWindow().isPresent());
        var window = designer.window.experimentsWindow().orElseThrow();
        var scene = window.getScene();
        var model = ((ExperimentView) scene.getRoot()).model();
        robot.interact(() -> {
            window.setWidth(1280);
            window.setHeight(800);
            model.chooseB(merged);
            model.rateProperty().set(20);
            model.secondsProperty().set(2);
            model.warmUpProperty().set(1);
            model.repeatsProperty().set(1);
        });
        assertThat(robot.lookup("#experiment-seconds").queryAs(Spinner.class).getValue()).isEqualTo(2);
        assertThat(robot.lookup("#experiment-b-name").queryAs(Label.class).getText()).isEqualTo("front-and-back-merged");

        robot.clickOn("#experiment-run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> model.messageProperty().get().startsWith("Run 1 of 2: front-and-back (A)"));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                () -> model.stateProperty().get() == ExperimentViewModel.State.READY
                        || model.stateProperty().get() == ExperimentViewModel.State.DONE);
        assertThat(model.stateProperty().get()).as(model.messageProperty().get()).isEqualTo(ExperimentViewModel.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();

        var table = robot.lookup("#experiment-table").<Row>queryTableView();
        var hops = table.getItems().stream().filter(r -> r.figure().equals("gateway hops per call")).findFirst()
                .orElseThrow();
        assertThat(hops.a()).isEqualTo(1.0);
        assertThat(hops.b()).isZero();
        assertThat(hops.better()).isEqualTo("B");
        robot.interact(() -> table.scrollTo(hops));
        WaitForAsyncUtils.waitForFxEvents();
        var markedBetter = table.lookupAll(".table-cell").stream().map(cell -> (TableCell<?, ?>) cell)
                .filter(cell -> cell.getTableRow() != null && cell.getTableRow().getItem() == hops)
                .filter(cell -> cell.getPseudoClassStates().contains(BETTER)).toList();
        assertThat(markedBetter).as("cells marked better in the hops row").singleElement()
                .satisfies(cell -> assertThat(cell.getTableColumn().getText()).isEqualTo("B"));
        assertThat(robot.lookup("#latency-chart-front-page").tryQuery()).isPresent();
        assertThat(robot.lookup(".summary-tile").queryAll()).hasSize(ExperimentViewModel.SUMMARY.size());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("processes left running").isEmpty();

        for (var theme : Theme.values()) {
            robot.interact(theme::apply);
            WaitForAsyncUtils.waitForFxEvents();
            Looks.screenshot(scene, "experiments-" + theme.name().toLowerCase() + "-1280x800.png");
            for (var id : new String[] {"#experiment-run", "#experiment-save", "#experiment-table", "#experiment-message"}) {
                Node node = robot.lookup(id).query();
                assertThat(Looks.insideScene(node)).as("%s on screen at 1280x800 in %s", id, theme).isTrue();
            }
            for (var cell : table.lookupAll(".table-cell")) {
                var text = ((TableCell<?, ?>) cell).getText();
                if (text != null && !text.isEmpty() && Looks.visible(cell)) {
                    assertThat(Looks.shownWhole((TableCell<?, ?>) cell)).as("table cell %s shown whole", text).isTrue();
                }
            }
            for (var selector : new String[] {".tile-title", ".tile-figure", ".section-title", ".design-name"}) {
                var label = robot.lookup(selector).queryAs(Label.class);
                assertThat(Looks.contrast(Looks.textColor(label), Looks.background(label)))
                        .as("contrast of %s in %s", selector, theme).isGreaterThanOrEqualTo(4.5);
            }
        }
    }
}
