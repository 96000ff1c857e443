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

class ExportViewModelTest {
    @TempDir
    Path temp;

    @Test
    void previewListsTheFilesOfTheChosenTargetBeforeAnythingIsWritten() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, exports());

        model.targetProperty().set(Target.KUBERNETES);

        assertThat(model.files()).contains("00-namespace.yaml", "02-configmap.yaml", "ingress.yaml", "README.md");
        assertThat(model.folderProperty().get()).isEqualTo(exports().resolve("webshop").resolve("kubernetes"));
        assertThat(Files.exists(model.folderProperty().get())).isFalse();
        assertThat(model.readyProperty().get()).isTrue();
    }

    @Test
    void exportWritesEveryPreviewedFileAndSaysWhere() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, exports());
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

        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, true, exports());

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

        var model = new ExportViewModel(broken, file, false, exports());

        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("The design has problems; fix them first: ");
    }

    @Test
    void eachTargetHasAFolderOfItsOwnOutsideTheDesignsFolder() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, exports());
        assertThat(model.folderProperty().get()).isEqualTo(exports().resolve("webshop").resolve("compose"));
        model.export();

        model.targetProperty().set(Target.KUBERNETES);

        assertThat(model.folderProperty().get()).isEqualTo(exports().resolve("webshop").resolve("kubernetes"));
        assertThat(model.readyProperty().get()).isTrue();
        assertThat(model.folderProperty().get().startsWith(file.getParent().resolve("export"))).isFalse();
    }

    @Test
    void aFolderTheUserChoseStaysWhenTheTargetChangesAndOneHoldingAnotherExportIsRefused() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, exports());
        model.folderProperty().set(temp.resolve("mine"));
        model.export();

        model.targetProperty().set(Target.KUBERNETES);

        assertThat(model.folderProperty().get()).isEqualTo(temp.resolve("mine"));
        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.export()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo(temp.resolve("mine") + " already holds other files "
                + "(compose.yaml, config/gateway.json, config/proxy.json and 5 more). Choose an empty folder: what is there "
                + "would be read with the export.");
    }

    @Test
    void exportingAgainIntoTheSameFolderReplacesThePreviousExportOfThatTarget() throws IOException {
        var file = Files.copy(Path.of("..", "designs", "webshop.json"), temp.resolve("webshop.json"));
        var model = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, exports());
        model.export();

        var again = new ExportViewModel(DesignFiles.load(file).orThrow(), file, false, exports());

        assertThat(again.readyProperty().get()).isTrue();
        assertThat(again.messageProperty().get()).isEqualTo("Replaces the Compose export already in "
                + exports().resolve("webshop").resolve("compose") + ".");
    }

    private Path exports() {
        return temp.resolve("exports");
    }
}
