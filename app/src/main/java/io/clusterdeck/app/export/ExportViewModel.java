package io.clusterdeck.app.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.export.DesignSource;
import io.clusterdeck.export.ExportFile;
import io.clusterdeck.export.ExportOptions;
import io.clusterdeck.export.Exporter;
import io.clusterdeck.export.Target;
import io.clusterdeck.json.DocumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Export dialog's state: a target and a folder, the files that target will write (rendered in memory, so the
 * user sees them before anything is written), and the outcome. Works on the saved design file, which every export
 * records as its origin. Each target has a folder of its own, so two targets never mix; a folder that holds other
 * files is refused, since Compose and {@code kubectl apply -f .} would read them too.
 */
public final class ExportViewModel {
    private final Design design;
    private final Path designFile;
    private final Path exportsRoot;
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.COMPOSE);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>(this, "folder");
    private final ObservableList<String> files = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");

    /**
     * @param design      the design as saved
     * @param designFile  its file, or null when it was never saved
     * @param unsaved     whether the editor holds changes the file does not have
     * @param exportsRoot where exports go unless the user chooses a folder: {@code ROOT/DESIGN/TARGET}
     */
    public ExportViewModel(Design design, Path designFile, boolean unsaved, Path exportsRoot) {
        this.design = design;
        this.designFile = designFile;
        this.exportsRoot = exportsRoot.toAbsolutePath();
        folder.set(defaultFolder(target.get()));
        target.addListener((obs, old, now) -> {
            // A folder the user did not choose follows the target, so targets never share one.
            if (defaultFolder(old).equals(folder.get())) {
                folder.set(defaultFolder(now));
            }
            preview();
        });
        folder.addListener((obs, old, now) -> preview());
        if (designFile == null || unsaved) {
            message.set("Save the design first: an export records the design file it came from.");
        } else {
            preview();
        }
    }

    /** The folder a target exports to unless the user chooses another. */
    public Path defaultFolder(Target forTarget) {
        return exportsRoot.resolve(design.name()).resolve(forTarget.json());
    }

    // Properties

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<Path> folderProperty() {
        return folder;
    }

    /** The files the chosen target writes, relative to the folder. */
    public ObservableList<String> files() {
        return files;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the design is saved, valid and a folder is chosen. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    // Commands

    /** Writes the export; the message says where, or why not. Returns the files written. */
    public List<Path> export() {
        if (!ready.get()) {
            return List.of();
        }
        try {
            var written = Exporter.export(design, designFile, target.get(), folder.get());
            message.set("Wrote " + written.size() + " files to " + folder.get() + ". " + nextStep());
            return written;
        } catch (IOException e) {
            message.set("Could not write to " + folder.get() + ": " + e.getMessage());
            return List.of();
        }
    }

    private void preview() {
        files.clear();
        ready.set(false);
        if (designFile == null) {
            return;
        }
        try {
            var export = Exporter.render(design, DesignSource.of(design.name(), designFile), target.get(), ExportOptions.DEFAULT);
            files.setAll(export.files().stream().map(ExportFile::path).toList());
            if (folder.get() == null) {
                message.set("Choose a folder.");
                return;
            }
            var others = ExportFolder.otherFiles(folder.get(), files);
            if (!others.isEmpty()) {
                message.set(folder.get() + " already holds other files (" + ExportFolder.some(others)
                        + "). Choose an empty folder: what is there would be read with the export.");
                return;
            }
            ready.set(true);
            message.set(ExportFolder.hasAny(folder.get(), files)
                    ? "Replaces the " + name(target.get()) + " export already in " + folder.get() + "." : "");
        } catch (DocumentException e) {
            message.set("The design has problems; fix them first: " + e.problems().get(0));
        } catch (IOException e) {
            message.set("Cannot read " + designFile + ": " + e.getMessage());
        }
    }

    private static String name(Target target) {
        return switch (target) {
            case RUNTIME -> "runtime";
            case COMPOSE -> "Compose";
            case KUBERNETES -> "Kubernetes";
        };
    }

    private String nextStep() {
        return switch (target.get()) {
            case RUNTIME -> "Its README says how to start each service by hand.";
            case COMPOSE -> "Run docker compose up -d --build there; its README has the steps and any secret to add.";
            case KUBERNETES -> "Write the cluster key into secrets/, then kubectl apply -k; its README has the steps.";
        };
    }
}
