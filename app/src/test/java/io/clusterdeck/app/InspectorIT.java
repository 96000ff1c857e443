package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.WorkerCount;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class InspectorIT {
    @TempDir
    Path temp;

    private DesignerFixture designer;

    @Start
    void start(Stage stage) throws Exception {
        designer = DesignerFixture.open(stage, temp, "webshop.json");
    }

    @AfterEach
    void clearToolkitErrors() {
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void aValueTheFunctionRefusesStaysInTheFieldWithTheReason(FxRobot robot) {
        robot.clickOn("#chip-cart-add");
        robot.doubleClickOn("#function-cpu").write("lots").type(KeyCode.ENTER);

        assertThat(robot.lookup("#inspector-error").queryAs(Label.class).getText())
                .isEqualTo("cpuMs: expected a number, was 'lots'");
        assertThat(designer.window.model().canUndoProperty().get()).isFalse();
    }

    @Test
    void aValidCostIsAppliedAndShownOnTheFunctionsBadge(FxRobot robot) {
        robot.clickOn("#chip-cart-add");
        robot.doubleClickOn("#function-cpu").write("40").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        var cost = robot.lookup("#chip-cart-add .cost").queryAs(Label.class);
        assertThat(cost.getText()).isEqualTo("44 ms");
        assertThat(robot.lookup("#chip-cart-add").query().getPseudoClassStates())
                .extracting(Object::toString).contains("costly");
    }

    @Test
    void onePerCoreDisablesTheCountAndIsSavedAsCores(FxRobot robot) {
        robot.clickOn("#per-core-orders");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(designer.window.model().design().segment("orders").orElseThrow().workers())
                .isEqualTo(WorkerCount.cores());
        assertThat(robot.lookup("#workers-orders").queryAs(Spinner.class).isDisabled()).isTrue();
        assertThat(designer.window.model().jsonProperty().get()).contains("\"workers\": \"cores\"");
    }

    @Test
    void aSegmentRenamedInTheInspectorKeepsItsCardAndFunctions(FxRobot robot) {
        robot.clickOn("#segment-images .card-title");
        robot.doubleClickOn("#segment-name").eraseText(6).write("thumbs").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#segment-thumbs").tryQuery()).isPresent();
        assertThat(robot.lookup("#segment-thumbs #chip-images-thumbnail").tryQuery()).isPresent();
        assertThat(designer.window.model().positionOf("thumbs").x()).isEqualTo(720.0);
    }

    @Test
    void aFunctionMovesToAnotherSegmentFromTheKeyboard(FxRobot robot) {
        robot.interact(() -> designer.window.model().selectionProperty()
                .set(io.clusterdeck.app.designer.Selection.function("cart/add")));
        robot.interact(() -> robot.lookup("#function-segment").query().requestFocus());

        robot.push(KeyCode.ALT, KeyCode.DOWN);
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(designer.window.model().design().segmentOf("cart/add").map(s -> s.name())).contains("orders");
    }

    @Test
    void callsAreAddedFromAListOfTheOtherFunctionsAndRemovedOneByOne(FxRobot robot) {
        robot.clickOn("#chip-cart-add");
        robot.clickOn("#call-add");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> "cart/view".equals(c.getItem())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(designer.window.model().design().function("cart/add").orElseThrow().calls())
                .containsExactly("catalog/price", "cart/view");

        robot.clickOn("#remove-call-catalog-price");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(designer.window.model().design().function("cart/add").orElseThrow().calls()).containsExactly("cart/view");
    }

    @Test
    void heapAndAutoscaleOfASegmentAreEditedInTheInspector(FxRobot robot) {
        robot.clickOn("#segment-orders .card-title");
        robot.doubleClickOn("#segment-heap").write("128").type(KeyCode.ENTER);
        robot.clickOn("#segment-autoscale");
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#autoscale-max").write("6").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        var orders = designer.window.model().design().segment("orders").orElseThrow();
        assertThat(orders.jvm().heapMb()).isEqualTo(128);
        assertThat(orders.autoscale()).isEqualTo(new io.clusterdeck.design.Autoscale(1, 6, 70));
        assertThat(designer.window.model().problems()).isEmpty();
    }
}
