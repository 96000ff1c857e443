package io.clusterdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.workspace.Workspace;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.WorkerCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
class RecoveryIT {
    @TempDir
    Path temp;

    private DesignerWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        file = Files.copy(DesignerFixture.DESIGNS.resolve("webshop.json"), temp.resolve("webshop.json"));
        var workspace = new Workspace(home);
        var edited = DesignFiles.load(file).orThrow()
                .withSegment("orders", s -> s.withWorkers(WorkerCount.of(6)));
        DesignFiles.save(edited, workspace.recoveryFolder().resolve("design.json"));
        Files.writeString(workspace.recoveryFolder().resolve("source.txt"), file.toAbsolutePath() + "\n");
        window = DesignerWindow.show(stage, workspace, Optional.of(file));
    }

    @AfterEach
    void clearToolkitErrors() {
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void theNextStartOffersTheUnsavedWorkOfTheLastOne(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Recover");
        WaitForAsyncUtils.waitForFxEvents();

        var model = window.model();
        assertThat(model.design().segment("orders").orElseThrow().workers()).isEqualTo(WorkerCount.of(6));
        assertThat(model.file()).contains(file.toAbsolutePath());
        assertThat(model.titleProperty().get()).isEqualTo("webshop.json * \u2014 Clusterdeck");
    }
}
