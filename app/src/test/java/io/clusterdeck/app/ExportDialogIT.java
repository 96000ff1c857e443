package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.export.ExportViewModel;
import io.clusterdeck.app.export.view.ExportDialog;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.export.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
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

@ExtendWith(ApplicationExtension.class)
class ExportDialogIT {
    @TempDir
    Path temp;

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void afterExportingTheWholeSentenceSayingWhereIsShownAndTheOtherTargetGetsAnotherFolder(FxRobot robot)
            throws Exception {
        var file = Files.copy(DesignerFixture.DESIGNS.resolve("webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, temp.resolve("a-rather-long-folder-name")
                .resolve("clusterdeck-exports"));
        robot.interact(() -> new ExportDialog(owner, model).show());

        robot.clickOn(robot.lookup(".dialog-pane .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> b.getText().equals("Export")).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();

        var message = robot.lookup("#export-message").queryAs(Label.class);
        var folder = temp.resolve("a-rather-long-folder-name").resolve("clusterdeck-exports").resolve("webshop")
                .resolve("compose");
        long written;
        try (var files = Files.walk(folder)) {
            written = files.filter(Files::isRegularFile).count();
        }
        assertThat(written).as("files in the export folder").isPositive();
        assertThat(message.getText()).startsWith("Wrote " + written + " files to " + folder)
                .endsWith("its README has the steps and any secret to add.");
        var shown = (Text) message.lookup(".text");
        assertThat(shown.getText()).as("the text the label draws").isEqualTo(message.getText());
        var window = message.getScene().getWindow();
        var bounds = message.localToScreen(message.getBoundsInLocal());
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(window.getY() + window.getHeight());

        robot.interact(() -> robot.lookup("#export-target").queryAs(ChoiceBox.class).setValue(Target.KUBERNETES));
        assertThat(robot.lookup("#export-folder").queryAs(TextField.class).getText()).endsWith("kubernetes");
    }
}
