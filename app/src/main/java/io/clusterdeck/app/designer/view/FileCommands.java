package io.clusterdeck.app.designer.view;

import io.clusterdeck.app.common.view.Dialogs;
import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.app.designer.Templates;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * What the File menu does with the user's files: open, save, save as, import, start anew, quit. Every command that
 * would lose unsaved changes asks first; file choosers open where the design lives.
 */
final class FileCommands {
    private final DesignerViewModel model;
    private final Supplier<Window> window;

    /** @param window the window dialogs belong to, or null while the view is not shown */
    FileCommands(DesignerViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
    }

    /**
     * Asks before unsaved changes are lost and saves them when the user says so; true when the caller may go on
     * (nothing unsaved, saved, or deliberately thrown away).
     */
    boolean mayDiscardChanges() {
        if (!model.dirtyProperty().get() || window.get() == null) {
            return true;
        }
        var name = model.file().map(p -> p.getFileName().toString()).orElse(model.design().name());
        return switch (Dialogs.askToSave(window.get(), name)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** Closes the window the way its close button does, so unsaved changes are asked about first. */
    void quit() {
        var shown = window.get();
        shown.fireEvent(new WindowEvent(shown, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    void newDesign(Templates.Template template) {
        if (mayDiscardChanges()) {
            model.newDesign(template);
        }
    }

    void open() {
        if (!mayDiscardChanges()) {
            return;
        }
        var chosen = chooser("Open a design", "Clusterdeck designs", "*.json").showOpenDialog(window.get());
        if (chosen != null) {
            model.open(chosen.toPath());
        }
    }

    void open(java.nio.file.Path path) {
        if (mayDiscardChanges()) {
            model.open(path);
        }
    }

    /** Saves to the design's file, or asks where when it has none; true when it was saved. */
    boolean save() {
        return model.file().isEmpty() ? saveAs() : model.save();
    }

    boolean saveAs() {
        var chooser = chooser("Save the design", "Clusterdeck designs", "*.json");
        chooser.setInitialFileName(model.file().map(p -> p.getFileName().toString())
                .orElse(model.design().name() + ".json"));
        var chosen = chooser.showSaveDialog(window.get());
        return chosen != null && model.saveAs(chosen.toPath());
    }

    void importBundle() {
        var chosen = chooser("Import the functions of a bundle", "Function bundles", "*.jar").showOpenDialog(window.get());
        if (chosen != null) {
            model.importBundle(chosen.toPath());
        }
    }

    private FileChooser chooser(String title, String kind, String pattern) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        var folder = model.suggestedFolder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }
}
