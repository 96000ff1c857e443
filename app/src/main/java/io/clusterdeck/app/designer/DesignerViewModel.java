package io.clusterdeck.app.designer;

import io.clusterdeck.app.workspace.RecentFiles;
import io.clusterdeck.app.workspace.Recovery;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Position;
import io.clusterdeck.design.Restart;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.json.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The designer's editing state: the design being edited, where it lives, what is wrong with it and what it would
 * run as. Every edit is a command that replaces the design with a new value and can be undone. The design, its file
 * and its history are kept by a {@link DesignDocument}; a {@link DesignEditor} works out each edit's new value.
 */
public final class DesignerViewModel {

    private final RecentFiles recentFiles;
    private final BundleImporter importer;
    private final DesignDocument document;
    private final DesignEditor editor;

    // Properties
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json");
    private final ReadOnlyStringWrapper planStatus = new ReadOnlyStringWrapper(this, "planStatus");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper openFailure = new ReadOnlyStringWrapper(this, "openFailure", "");
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(this, "selection", Selection.NONE);
    private final ObservableList<ElementProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> openProblems = FXCollections.observableArrayList();
    private final ObservableList<PlanRow> plan = FXCollections.observableArrayList();
    private final ObservableList<CrossCall> crossCalls = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    // One read-only view of each list, kept: listeners on a view live only as long as the view does.
    private final ObservableList<ElementProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<Problem> openProblemsView = FXCollections.unmodifiableObservableList(openProblems);
    private final ObservableList<PlanRow> planView = FXCollections.unmodifiableObservableList(plan);
    private final ObservableList<CrossCall> crossCallsView = FXCollections.unmodifiableObservableList(crossCalls);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);

    public DesignerViewModel(RecentFiles recentFiles, Recovery recovery, BundleImporter importer) {
        this.recentFiles = recentFiles;
        this.importer = importer;
        this.document = new DesignDocument(this, recovery, this::review, this::dropSelectionIfGone);
        this.editor = new DesignEditor(document, selection, importer, message::set);
        recent.setAll(recentFiles.list());
        var starter = Templates.all().get(0);
        load(starter.design(), null, List.of(), starter.text());
    }

    public ReadOnlyObjectProperty<Design> designProperty() {
        return document.designProperty();
    }

    public Design design() {
        return document.design();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return document.fileProperty();
    }

    public Optional<Path> file() {
        return document.file();
    }

    /** Whether the design differs from the file it was opened from or last saved to. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return document.dirtyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return document.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return document.canRedoProperty();
    }

    /** The window title: the file's name, a mark when unsaved, the product. */
    public ReadOnlyStringProperty titleProperty() {
        return document.titleProperty();
    }

    /** The design as it would be saved. */
    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty planStatusProperty() {
        return planStatus.getReadOnlyProperty();
    }

    /** Counts of functions, segments, workers and cross-segment calls. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last thing the user should be told: saved, could not save, an edit refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The element the inspector shows; views set it when the user clicks something. */
    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }

    /** What is wrong with the design, each placed on the element it concerns. */
    public ObservableList<ElementProblem> problems() {
        return problemsView;
    }

    /** Which file could not be opened and how many problems it has, in one sentence; empty when it opened. */
    public ReadOnlyStringProperty openFailureProperty() {
        return openFailure.getReadOnlyProperty();
    }

    /** Why the last file could not be opened; empty when it was. */
    public ObservableList<Problem> openProblems() {
        return openProblemsView;
    }

    public ObservableList<PlanRow> plan() {
        return planView;
    }

    public ObservableList<CrossCall> crossCalls() {
        return crossCallsView;
    }

    public ObservableList<Path> recentFiles() {
        return recentView;
    }

    /**
     * Where a file chooser opens: the folder of the design's file, else of the file opened last, else the user's
     * home folder; never the folder the app happened to be started from.
     */
    public Path suggestedFolder() {
        return file().or(() -> recent.stream().findFirst())
                .map(DesignFiles::folderOf)
                .orElse(Path.of(System.getProperty("user.home")));
    }

    public boolean canImportBundles() {
        return importer.available();
    }

    /** Problems that concern one element. */
    public List<ElementProblem> problemsOf(Selection element) {
        return problems.stream().filter(p -> p.element().equals(element)).toList();
    }

    /** Where a segment's card is drawn: its layout position, or a free place in a grid. */
    public Position positionOf(String segmentName) {
        return Segmentation.positionOf(design(), segmentName);
    }

    // Commands

    /**
     * Opens a design file, replacing the current design and its recovery copy; when the file cannot be read at all
     * the current design stays and the problems say why.
     */
    public boolean open(Path path) {
        var text = DesignDocument.readable(path);
        var parsed = text == null ? DesignFiles.load(path) : DesignFiles.parse(text, path.toString());
        if (parsed.value().isEmpty()) {
            // The sentence first: whoever shows the problems reads it when they change.
            var failure = "Could not open " + path.getFileName() + ": " + Words.count(parsed.problems().size(), "problem");
            openFailure.set(failure);
            message.set(failure);
            openProblems.setAll(parsed.problems());
            return false;
        }
        load(parsed.value().get(), path, parsed.problems(), text);
        document.clearRecovery();
        remember(path);
        message.set("Opened " + path.getFileName()
                + (parsed.problems().isEmpty() ? "" : " with " + Words.count(parsed.problems().size(), "problem")));
        return true;
    }

    /** Starts a new, unsaved design from a template. */
    public void newDesign(Design template) {
        newDesign(template, null);
    }

    /** Starts a new, unsaved design from a template, which it is saved in the shape of. */
    public void newDesign(Templates.Template template) {
        newDesign(template.design(), template.text());
    }

    private void newDesign(Design template, String text) {
        load(template, null, List.of(), text);
        document.clearRecovery();
        message.set("New design from the template");
    }

    /** Continues work a previous session did not save, as unsaved changes to the file it came from. */
    public void recover(Recovery.Recovered recovered) {
        var source = recovered.source().flatMap(p -> DesignFiles.load(p).value().map(d -> p));
        if (source.isPresent()) {
            open(source.get());
        } else {
            load(recovered.design(), null, List.of(), null);
            document.forgetSaved();
        }
        document.edit(recovered.design());
        message.set("Recovered unsaved changes");
    }

    /** Saves to the current file; false when there is none yet or the save failed (see the message). */
    public boolean save() {
        return file().map(this::saveAs).orElse(false);
    }

    public boolean saveAs(Path target) {
        try {
            document.saveAs(target);
        } catch (IOException | RuntimeException e) {
            message.set("Could not save " + target.getFileName() + ": " + e.getMessage());
            return false;
        }
        remember(target);
        message.set("Saved " + target.getFileName());
        return true;
    }

    public void undo() {
        document.undo();
    }

    public void redo() {
        document.redo();
    }

    /** Moves a function into a segment, or out of every segment when {@code segmentName} is null. */
    public void moveFunction(String functionName, String segmentName) {
        editor.moveFunction(functionName, segmentName);
    }

    public void setWorkers(String segmentName, WorkerCount workers) {
        editor.setWorkers(segmentName, workers);
    }

    public void setBalancing(String segmentName, Balancing balancing) {
        editor.setBalancing(segmentName, balancing);
    }

    public void setRestart(String segmentName, Restart restart) {
        editor.setRestart(segmentName, restart);
    }

    /** Renames a segment and keeps its card where it is; an error message when the name is taken or invalid. */
    public Optional<String> renameSegment(String currentName, String newName) {
        return editor.renameSegment(currentName, newName);
    }

    /** Adds an empty segment at a free place on the canvas and returns its name. */
    public String addSegment() {
        return editor.addSegment();
    }

    /** Adds an empty segment at a free place inside the part of the canvas in view and returns its name. */
    public String addSegment(Area visible) {
        return editor.addSegment(visible);
    }

    /** Deletes a segment; its functions go back to the palette. */
    public void removeSegment(String segmentName) {
        editor.removeSegment(segmentName);
    }

    /** Places a segment's card; positions are kept in whole pixels and never left of or above the canvas. */
    public void moveSegmentCard(String segmentName, double x, double y) {
        editor.moveSegmentCard(segmentName, x, y);
    }

    /** Adds a simulated function that is in no segment yet and returns its name. */
    public String addFunction() {
        return editor.addFunction();
    }

    /** Deletes a function, from its segment and from the calls of other functions too. */
    public void removeFunction(String functionName) {
        editor.removeFunction(functionName);
    }

    /** Changes a function; an error message, and no change, when the result is not a valid function. */
    public Optional<String> editFunction(String functionName, UnaryOperator<Function> change) {
        return editor.editFunction(functionName, change);
    }

    /** Changes a segment; an error message, and no change, when the result is not a valid segment. */
    public Optional<String> editSegment(String segmentName, UnaryOperator<Segment> change) {
        return editor.editSegment(segmentName, change);
    }

    /** Changes the design as a whole (the services, the mode); an error message when the result is invalid. */
    public Optional<String> editDesign(UnaryOperator<Design> change) {
        return editor.editDesign(change);
    }

    /**
     * Changes the design as a whole as one undoable step and says in the status bar what was done (advice applied
     * from a profile, say); an error message, and no change, when the result is invalid.
     */
    public Optional<String> editDesign(UnaryOperator<Design> change, String done) {
        return editor.editDesign(change, done);
    }

    /** Adds the functions of a bundle jar that the design does not have yet. */
    public void importBundle(Path jar) {
        editor.importBundle(jar);
    }

    private void load(Design loaded, Path path, List<Problem> problemsInFile, String text) {
        openProblems.clear();
        openFailure.set("");
        selection.set(Selection.NONE);
        document.load(loaded, path, problemsInFile, text);
    }

    /** What the views read beside the design, worked out before they see it. */
    private void review(Design current) {
        String source = file().map(p -> p.getFileName().toString()).orElse(current.name() + ".json");
        var review = DesignReview.of(current, document.savedText(), source, document.knownProblems(current),
                document.folder());
        json.set(review.json());
        problems.setAll(review.problems());
        crossCalls.setAll(review.crossCalls());
        plan.setAll(review.plan());
        planStatus.set(review.planStatus());
        summary.set(review.summary());
    }

    private void dropSelectionIfGone(Design next) {
        var current = selection.get();
        boolean gone = (current.kind() == Selection.Kind.FUNCTION && next.function(current.name()).isEmpty())
                || (current.kind() == Selection.Kind.SEGMENT && next.segment(current.name()).isEmpty());
        if (gone) {
            selection.set(Selection.NONE);
        }
    }

    private void remember(Path path) {
        try {
            recent.setAll(recentFiles.add(path));
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }
}
