package io.clusterdeck.app.designer;

import io.clusterdeck.app.workspace.Recovery;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The design being edited as a document: its current value, the file it lives in and what that file held when it
 * was read or last saved, the undo history and the recovery copy of unsaved changes. It tells the user nothing;
 * the view-model does.
 */
final class DesignDocument {
    private final Recovery recovery;
    private final Consumer<Design> review;
    private final Consumer<Design> shown;
    private final History<Design> history = new History<>();
    private final ReadOnlyObjectWrapper<Design> design;
    private final ReadOnlyObjectWrapper<Path> file;
    private final ReadOnlyBooleanWrapper dirty;
    private final ReadOnlyBooleanWrapper canUndo;
    private final ReadOnlyBooleanWrapper canRedo;
    private final ReadOnlyStringWrapper title;
    private Design saved;
    private List<Problem> savedProblems = List.of();
    /** The text the design was read from or last saved as: a save keeps its shape. Null for a design never saved. */
    private String savedText;

    /**
     * @param bean   the view-model the properties belong to
     * @param review works out what the views read beside a design, before they see the design itself
     * @param shown  runs once a new design is shown
     */
    DesignDocument(Object bean, Recovery recovery, Consumer<Design> review, Consumer<Design> shown) {
        this.recovery = recovery;
        this.review = review;
        this.shown = shown;
        design = new ReadOnlyObjectWrapper<>(bean, "design");
        file = new ReadOnlyObjectWrapper<>(bean, "file");
        dirty = new ReadOnlyBooleanWrapper(bean, "dirty");
        canUndo = new ReadOnlyBooleanWrapper(bean, "canUndo");
        canRedo = new ReadOnlyBooleanWrapper(bean, "canRedo");
        title = new ReadOnlyStringWrapper(bean, "title");
    }

    /** A file's text, or null when it cannot be read (loading it again then says why). */
    static String readable(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    Design design() {
        return design.get();
    }

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    Optional<Path> file() {
        return Optional.ofNullable(file.get());
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The text the design was read from or last saved as, or null. */
    String savedText() {
        return savedText;
    }

    /** Problems of an unchanged file keep the lines of the file itself; after an edit, none are known. */
    List<Problem> knownProblems(Design current) {
        return current.equals(saved) ? savedProblems : List.of();
    }

    /** The folder of the design's file, or the working folder for a design never saved. */
    Path folder() {
        return file().map(DesignFiles::folderOf).orElse(Path.of("").toAbsolutePath());
    }

    /** Starts over with a design as read from {@code path} (null for none): no history, nothing unsaved. */
    void load(Design loaded, Path path, List<Problem> problemsInFile, String text) {
        history.clear();
        savedText = text;
        saved = loaded;
        savedProblems = List.copyOf(problemsInFile);
        file.set(path);
        show(loaded);
        canUndo.set(false);
        canRedo.set(false);
    }

    /** Forgets what the file held, so the design counts as unsaved from the next edit on. */
    void forgetSaved() {
        saved = null;
    }

    void clearRecovery() {
        recovery.clear();
    }

    /** Replaces the design as one undoable step; the same value changes nothing. */
    void edit(Design next) {
        if (next.equals(design())) {
            return;
        }
        history.edited(design());
        show(next);
        afterChange();
    }

    /** Folds a follow-up change into the edit just made, so one user action is one undo step. */
    void replaceTop(Design next) {
        show(next);
        afterChange();
    }

    void undo() {
        history.undo(design()).ifPresent(this::show);
        afterChange();
    }

    void redo() {
        history.redo(design()).ifPresent(this::show);
        afterChange();
    }

    /** Writes the design to a file, keeping what the user wrote as written: only the lines of what changed change. */
    void saveAs(Path target) throws IOException {
        var text = DesignText.of(design(), savedText);
        DesignFiles.writeAtomically(target, text);
        savedText = text;
        saved = design();
        savedProblems = List.of();
        file.set(target);
        recovery.clear();
        refresh(design());
    }

    private void afterChange() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        if (dirty.get()) {
            recovery.schedule(design(), file.get());
        }
    }

    private void show(Design next) {
        // Derived state first: views that listen to the design read problems, calls and plan of the new value.
        refresh(next);
        design.set(next);
        shown.accept(next);
    }

    private void refresh(Design current) {
        dirty.set(!current.equals(saved));
        // A design never saved is called by its name, as the toolbar calls it.
        String shownName = file().map(p -> p.getFileName().toString()).orElse(current.name() + " (not saved)");
        title.set(shownName + (dirty.get() ? " *" : "") + " \u2014 Clusterdeck");
        review.accept(current);
    }
}
