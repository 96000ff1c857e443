package io.clusterdeck.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Segment;
import io.clusterdeck.export.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportModelTest {
    @TempDir
    Path temp;

    @Test
    void previewListsTheFilesOfTheChosenTargetBeforeAnythingIsWritten() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportModel(DesignFiles.load(file).orThrow(), file, false);

        model.targetProperty().set(Target.KUBERNETES);

        assertThat(model.files()).contains("00-namespace.yaml", "02-configmap.yaml", "ingress.yaml", "README.md");
        assertThat(model.folderProperty().get()).isEqualTo(temp.resolve("export").resolve("webshop"));
        assertThat(Files.exists(model.folderProperty().get())).isFalse();
        assertThat(model.readyProperty().get()).isTrue();
    }

    @Test
    void exportWritesEveryPreviewedFileAndSaysWhere() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportModel(DesignFiles.load(file).orThrow(), file, false);
        model.targetProperty().set(Target.COMPOSE);
        model.folderProperty().set(temp.resolve("out"));

        var written = model.export();

        assertThat(written).extracting(p -> temp.resolve("out").relativize(p).toString().replace('\\', '/'))
                .containsExactlyElementsOf(model.files());
        assertThat(model.messageProperty().get()).startsWith("Wrote " + written.size() + " files to " + temp.resolve("out"));
    }

    @Test
    void unsavedDesignIsNotExportedBecauseTheExportRecordsItsFile() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));

        var model = new ExportModel(DesignFiles.load(file).orThrow(), file, true);

        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.export()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Save the design first: an export records the design file it came from.");
    }

    @Test
    void designWithProblemsSaysWhatToFixFirst() throws IOException {
        var file = temp.resolve("broken.json");
        var broken = DesignFiles.load(Path.of("..", "designs", "webshop.json")).orThrow()
                .withSegments(List.of(Segment.named("empty")));
        DesignFiles.save(broken, file);

        var model = new ExportModel(broken, file, false);

        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("The design has problems; fix them first: ");
    }
}
