package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Segment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
class DesignerWindowIT {
    private static final KeyCodeCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCodeCombination REDO =
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCodeCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCodeCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

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
    void aFunctionDraggedFromThePaletteIntoASegmentMovesThere(FxRobot robot) {
        robot.drag("#palette-images-thumbnail").dropTo("#segment-orders");

        assertThat(shownFunctions(robot).get("orders")).endsWith("images/thumbnail");
        assertThat(shownFunctions(robot).get("images")).isEmpty();
        assertThat(designer.window.model().design().segmentOf("images/thumbnail").map(Segment::name)).contains("orders");
    }

    @Test
    void aFunctionDraggedFromOneCardToAnotherMovesAndCanGoBackToThePalette(FxRobot robot) {
        robot.drag("#chip-cart-add").dropTo("#segment-images");
        assertThat(shownFunctions(robot).get("images")).containsExactly("images/thumbnail", "cart/add");

        robot.drag("#chip-cart-add").dropTo("#palette-list");
        assertThat(shownFunctions(robot).values()).noneMatch(functions -> functions.contains("cart/add"));
        assertThat(designer.window.model().design().unassignedFunctions()).extracting(f -> f.name())
                .containsExactly("cart/add");
        assertThat(robot.lookup("#chip-cart-add").tryQuery()).isEmpty();
    }

    @Test
    void editsAreUndoneAndRedoneWithTheKeyboardThenSavedAndReopenedAsShown(FxRobot robot) throws Exception {
        robot.drag("#chip-catalog-search").dropTo("#segment-orders");
        robot.clickOn(robot.lookup("#workers-storefront .increment-arrow-button").queryAs(Node.class));
        assertThat(shownWorkers(robot).get("storefront")).isEqualTo(3);

        robot.push(UNDO);
        assertThat(shownWorkers(robot).get("storefront")).isEqualTo(2);
        robot.push(UNDO);
        assertThat(shownFunctions(robot).get("storefront")).startsWith("catalog/search");
        robot.push(REDO).push(REDO);
        assertThat(shownFunctions(robot).get("orders")).endsWith("catalog/search");
        assertThat(shownWorkers(robot).get("storefront")).isEqualTo(3);
        assertThat(robot.lookup("#design-title").queryAs(Label.class).getText()).endsWith("unsaved");

        robot.push(SAVE);
        WaitForAsyncUtils.waitForFxEvents();
        var shownBeforeSave = shownFunctions(robot);
        var workersBeforeSave = shownWorkers(robot);
        assertThat(robot.lookup("#design-title").queryAs(Label.class).getText()).isEqualTo("webshop");
        Design saved = DesignFiles.load(designer.file).orThrow();
        assertThat(functionsOf(saved)).isEqualTo(shownBeforeSave);
        assertThat(workersOf(saved)).isEqualTo(workersBeforeSave);

        robot.interact(() -> designer.window.model().newDesign(io.clusterdeck.app.designer.Templates.starter()));
        assertThat(shownFunctions(robot)).containsOnlyKeys("api", "reports");
        robot.interact(() -> designer.window.model().open(designer.file));

        assertThat(shownFunctions(robot)).isEqualTo(shownBeforeSave);
        assertThat(shownWorkers(robot)).isEqualTo(workersBeforeSave);
        assertThat(robot.listWindows()).anySatisfy(window ->
                assertThat(((Stage) window).getTitle()).isEqualTo("webshop.json \u2014 Clusterdeck"));
    }

    @Test
    void anUnreadableDesignShowsItsProblemsAndTheOpenDesignStays(FxRobot robot) throws Exception {
        robot.drag("#chip-cart-add").dropTo("#segment-orders");
        var shown = shownFunctions(robot);
        Path broken = Files.writeString(temp.resolve("broken.json"),
                "{\n  \"version\": 1,\n  \"name\": \"Web Shop\",\n  \"functions\": []\n}\n");

        robot.interact(() -> designer.window.model().open(broken));

        var lines = robot.lookup("#open-problems .open-problem").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(broken + ":3:").contains("name: "));
        assertThat(robot.lookup("#open-problems-title").queryAs(Label.class).getText())
                .startsWith("Could not open broken.json: ").endsWith("; still showing webshop.json");
        assertThat(shownFunctions(robot)).isEqualTo(shown);
        assertThat(designer.window.model().dirtyProperty().get()).isTrue();
    }

    @Test
    void aDesignWithProblemsOpensWithThemListedAndMarkedOnTheirCard(FxRobot robot) throws Exception {
        String text = Files.readString(designer.file).replace("\"workers\": 3,", "\"workers\": 1,");
        Path invalid = Files.writeString(temp.resolve("invalid.json"), text);
        int line = (int) text.lines().takeWhile(l -> !l.contains("\"workers\": 1,")).count() + 1;

        robot.interact(() -> designer.window.model().open(invalid));

        var tabs = robot.lookup("#previews").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).contains("Problems (1)");
        var problems = robot.lookup("#problems-list").queryAs(ListView.class);
        assertThat(problems.getItems()).hasSize(1);
        robot.interact(() -> tabs.getSelectionModel().select(0));
        var where = robot.lookup("#problems-list .problem-where").queryAs(Label.class).getText();
        assertThat(where).startsWith(invalid + ":" + line + ":");
        assertThat(robot.lookup("#problems-list .problem-message").queryAs(Label.class).getText())
                .isEqualTo("must be within autoscale's 2 to 8, was 1");
        assertThat(robot.lookup("#segment-images").query().getPseudoClassStates())
                .contains(PseudoClass.getPseudoClass("invalid"));
        assertThat(Files.readString(invalid)).isEqualTo(text);
        assertThat(shownFunctions(robot).get("images")).containsExactly("images/thumbnail");
    }

    @Test
    void theWindowCarriesTheAppIconAndOffersLaunchAndImport(FxRobot robot) {
        var stage = (Stage) robot.lookup("#canvas").query().getScene().getWindow();
        assertThat(stage.getIcons()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(robot.lookup("#launch").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#import-bundle").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#arrow-orders-storefront .call-count").queryAs(Label.class).getText())
                .isEqualTo("1 call");
    }

    @Test
    void quittingWithUnsavedChangesAsksFirstWithSaveAsTheDefaultAndCancelKeepsTheWindow(FxRobot robot) {
        var stage = (Stage) robot.lookup("#canvas").query().getScene().getWindow();
        robot.interact(() -> designer.window.model().setWorkers("orders", io.clusterdeck.design.WorkerCount.of(5)));

        robot.push(QUIT);

        var save = robot.lookup("#save-changes").queryButton();
        assertThat(save.isDefaultButton()).isTrue();
        assertThat(robot.lookup("#discard-changes").queryButton().isDefaultButton()).isFalse();
        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals("Cancel")).findFirst().orElseThrow());
        assertThat(stage.isShowing()).isTrue();
        assertThat(designer.window.model().dirtyProperty().get()).isTrue();
    }

    @Test
    void quittingWithUnsavedChangesAndPressingEnterSavesThemAndCloses(FxRobot robot) throws Exception {
        var stage = (Stage) robot.lookup("#canvas").query().getScene().getWindow();
        robot.interact(() -> designer.window.model().setWorkers("orders", io.clusterdeck.design.WorkerCount.of(5)));

        robot.push(QUIT);
        robot.lookup("#save-changes").queryButton();
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isFalse();
        assertThat(DesignFiles.load(designer.file).orThrow().segment("orders").orElseThrow().workers().fixed()).isEqualTo(5);
    }

    @Test
    void launchStopAndTheLiveViewHaveShortcutsInTheClusterMenu(FxRobot robot) {
        var menus = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus();
        var cluster = menus.stream().filter(m -> m.getText().equals("_Cluster")).findFirst().orElseThrow();

        var items = cluster.getItems().stream().filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem)).toList();
        assertThat(items).extracting(i -> i.getAccelerator().getName())
                .containsExactlyElementsOf(java.util.stream.Stream.of("F5", "Shift+F5", "F6", "Shortcut+Shift+A",
                        "Shortcut+Shift+M").map(k -> javafx.scene.input.KeyCombination.keyCombination(k).getName()).toList());
        assertThat(items).extracting(javafx.scene.control.MenuItem::isDisable)
                .containsExactly(false, true, true, false, false);
    }

    @Test
    void aCallArrowsLabelNeverCoversACardAndArrowsPassBehindCards(FxRobot robot) {
        robot.interact(() -> {
            designer.window.model().moveSegmentCard("orders", 720, 330);
            designer.window.model().moveSegmentCard("images", 380, 40);
        });
        WaitForAsyncUtils.waitForFxEvents();

        var arrow = robot.lookup("#arrow-orders-storefront").query();
        var label = robot.lookup("#arrow-orders-storefront .call-count").queryAs(Label.class);
        var labelBounds = label.localToScene(label.getBoundsInLocal());
        for (Node card : robot.lookup(".segment-card").queryAll()) {
            assertThat(card.localToScene(card.getBoundsInLocal()).intersects(labelBounds)).as(card.getId()).isFalse();
        }
        var surface = arrow.getParent().getParent();
        var card = robot.lookup("#segment-images").query();
        assertThat(surface.getChildrenUnmodifiable().indexOf(arrow.getParent()))
                .isLessThan(surface.getChildrenUnmodifiable().indexOf(card.getParent()));
    }

    @Test
    void theLegendHasARowOfItsOwnBelowTheCanvas(FxRobot robot) {
        var legend = robot.lookup("#canvas-legend").query();
        var scroll = robot.lookup(".canvas-scroll").query();

        assertThat(legend.localToScene(legend.getBoundsInLocal()).getMinY())
                .isGreaterThanOrEqualTo(scroll.localToScene(scroll.getBoundsInLocal()).getMaxY() - 0.5);
    }

    @Test
    void aNewSegmentAppearsInsideTheCanvasInViewOnASmallScreen(FxRobot robot) {
        var stage = (Stage) robot.lookup("#canvas").query().getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            // The third column of cards is out of view at this size: that is where the grid would put the next one.
            designer.window.model().removeSegment("images");
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#add-segment");
        WaitForAsyncUtils.waitForFxEvents();

        var card = robot.lookup("#segment-segment-3").query();
        var viewport = robot.lookup(".canvas-scroll .viewport").query();
        var view = viewport.localToScene(viewport.getBoundsInLocal());
        var bounds = card.localToScene(card.getBoundsInLocal());
        assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(view.getMinX());
        assertThat(bounds.getMaxX()).isLessThanOrEqualTo(view.getMaxX());
        assertThat(bounds.getMinY()).isBetween(view.getMinY(), view.getMaxY());
    }

    /** The function names each card shows, in card order. */
    private static Map<String, List<String>> shownFunctions(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        var shown = new LinkedHashMap<String, List<String>>();
        for (Node card : robot.lookup(".segment-card").queryAll()) {
            var names = card.lookupAll(".function-chip").stream()
                    .map(chip -> ((Label) chip.lookup(".function-name")).getText()).toList();
            shown.put(card.getId().substring("segment-".length()), names);
        }
        return shown;
    }

    /** The worker count each card's spinner shows. */
    private static Map<String, Integer> shownWorkers(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        var shown = new LinkedHashMap<String, Integer>();
        for (Node card : robot.lookup(".segment-card").queryAll()) {
            String name = card.getId().substring("segment-".length());
            shown.put(name, (Integer) ((Spinner<?>) card.lookup("#workers-" + name)).getValue());
        }
        return shown;
    }

    private static Map<String, List<String>> functionsOf(Design design) {
        var map = new LinkedHashMap<String, List<String>>();
        design.segments().forEach(s -> map.put(s.name(), s.functions()));
        return map;
    }

    private static Map<String, Integer> workersOf(Design design) {
        var map = new LinkedHashMap<String, Integer>();
        design.segments().forEach(s -> map.put(s.name(), s.workers().fixed()));
        return map;
    }

}
