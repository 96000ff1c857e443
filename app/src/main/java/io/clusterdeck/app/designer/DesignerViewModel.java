package io.clusterdeck.app.designer;

import io.clusterdeck.app.workspace.RecentFiles;
import io.clusterdeck.app.workspace.Recovery;
import io.clusterdeck.design.Access;
import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.Position;
import io.clusterdeck.design.Restart;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.json.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The designer's editing state: the design being edited, where it lives, what is wrong with it and what it would
 * run as. Every edit is a command that replaces the design with a new value and can be undone.
 */
public final class DesignerViewModel {

    private final RecentFiles recentFiles;
    private final Recovery recovery;
    private final BundleImporter importer;
    private final History<Design> history = new History<>();
    private Design saved;
    private List<Problem> savedProblems = List.of();
    /** The text the design was read from or last saved as: a save keeps its shape. Null for a design never saved. */
    private String savedText;

    // Properties
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(this, "design");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
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
        this.recovery = recovery;
        this.importer = importer;
        recent.setAll(recentFiles.list());
        var starter = Templates.all().get(0);
        load(starter.design(), null, List.of(), starter.text());
    }

    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    public Design design() {
        return design.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file.get());
    }

    /** Whether the design differs from the file it was opened from or last saved to. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The window title: the file's name, a mark when unsaved, the product. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
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
                .map(p -> p.toAbsolutePath().getParent())
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
        var text = readable(path);
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
        recovery.clear();
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
        recovery.clear();
        message.set("New design from the template");
    }

    /** Continues work a previous session did not save, as unsaved changes to the file it came from. */
    public void recover(Recovery.Recovered recovered) {
        var source = recovered.source().flatMap(p -> DesignFiles.load(p).value().map(d -> p));
        if (source.isPresent()) {
            open(source.get());
        } else {
            load(recovered.design(), null, List.of(), null);
            saved = null;
        }
        if (!recovered.design().equals(design())) {
            edit(recovered.design());
        }
        message.set("Recovered unsaved changes");
    }

    /** Saves to the current file; false when there is none yet or the save failed (see the message). */
    public boolean save() {
        return file().map(this::saveAs).orElse(false);
    }

    public boolean saveAs(Path target) {
        // What the user wrote stays as written: only the lines of what changed change.
        var text = DesignText.of(design(), savedText);
        try {
            DesignFiles.writeAtomically(target, text);
        } catch (IOException | RuntimeException e) {
            message.set("Could not save " + target.getFileName() + ": " + e.getMessage());
            return false;
        }
        savedText = text;
        saved = design();
        savedProblems = List.of();
        file.set(target);
        recovery.clear();
        remember(target);
        refresh();
        message.set("Saved " + target.getFileName());
        return true;
    }

    public void undo() {
        history.undo(design()).ifPresent(this::show);
        afterChange();
    }

    public void redo() {
        history.redo(design()).ifPresent(this::show);
        afterChange();
    }

    /** Moves a function into a segment, or out of every segment when {@code segmentName} is null. */
    public void moveFunction(String functionName, String segmentName) {
        if (design().function(functionName).isEmpty()
                || (segmentName != null && design().segment(segmentName).isEmpty())) {
            return;
        }
        var current = design().segmentOf(functionName).map(Segment::name).orElse(null);
        if (segmentName == null ? current == null : segmentName.equals(current)) {
            return;
        }
        edit(Segmentation.move(design(), functionName, segmentName));
    }

    public void setWorkers(String segmentName, WorkerCount workers) {
        editSegment(segmentName, s -> s.withWorkers(workers));
    }

    public void setBalancing(String segmentName, Balancing balancing) {
        editSegment(segmentName, s -> s.withBalancing(balancing));
    }

    public void setRestart(String segmentName, Restart restart) {
        editSegment(segmentName, s -> s.withRestart(restart));
    }

    /** Renames a segment and keeps its card where it is; an error message when the name is taken or invalid. */
    public Optional<String> renameSegment(String currentName, String newName) {
        String name = newName.strip();
        if (name.equals(currentName)) {
            return Optional.empty();
        }
        if (design().segment(name).isPresent()) {
            return Optional.of("a segment named '" + name + "' already exists");
        }
        var position = positionOf(currentName);
        var error = editSegment(currentName, s -> s.withName(name));
        if (error.isEmpty()) {
            replaceTop(Segmentation.withCardRenamed(design(), currentName, position, name));
            selection.set(Selection.segment(name));
        }
        return error;
    }

    /** Adds an empty segment at a free place on the canvas and returns its name. */
    public String addSegment() {
        return addSegment(Segmentation.freePosition(design()));
    }

    /** Adds an empty segment at a free place inside the part of the canvas in view and returns its name. */
    public String addSegment(Area visible) {
        return addSegment(Segmentation.freePosition(design(), visible));
    }

    private String addSegment(Position position) {
        int n = design().segments().size() + 1;
        while (design().segment("segment-" + n).isPresent()) {
            n++;
        }
        String name = "segment-" + n;
        var segments = new ArrayList<>(design().segments());
        segments.add(Segment.named(name));
        edit(design().withSegments(segments).withLayout(design().layout().withSegment(name, position)));
        selection.set(Selection.segment(name));
        return name;
    }

    /** Deletes a segment; its functions go back to the palette. */
    public void removeSegment(String segmentName) {
        if (design().segment(segmentName).isEmpty()) {
            return;
        }
        edit(Segmentation.withoutSegment(design(), segmentName));
    }

    /** Places a segment's card; positions are kept in whole pixels and never left of or above the canvas. */
    public void moveSegmentCard(String segmentName, double x, double y) {
        if (design().segment(segmentName).isEmpty()) {
            return;
        }
        var position = new Position((double) Math.max(0, Math.round(x)), (double) Math.max(0, Math.round(y)));
        edit(design().withLayout(design().layout().withSegment(segmentName, position)));
    }

    /** Adds a simulated function that is in no segment yet and returns its name. */
    public String addFunction() {
        int n = 1;
        while (design().function("new/function-" + n).isPresent()) {
            n++;
        }
        String name = "new/function-" + n;
        var functions = new ArrayList<>(design().functions());
        functions.add(Function.simulated(name, Access.PUBLIC, new Simulation(1.0, Latency.fixed(2), 0.0, 256)));
        edit(design().withFunctions(functions));
        selection.set(Selection.function(name));
        return name;
    }

    /** Deletes a function, from its segment and from the calls of other functions too. */
    public void removeFunction(String functionName) {
        if (design().function(functionName).isEmpty()) {
            return;
        }
        edit(Segmentation.withoutFunction(design(), functionName));
    }

    /** Changes a function; an error message, and no change, when the result is not a valid function. */
    public Optional<String> editFunction(String functionName, UnaryOperator<Function> change) {
        var function = design().function(functionName);
        if (function.isEmpty()) {
            return Optional.of("there is no function '" + functionName + "'");
        }
        try {
            var changed = change.apply(function.get());
            if (!changed.name().equals(functionName) && design().function(changed.name()).isPresent()) {
                return Optional.of("a function named '" + changed.name() + "' already exists");
            }
            boolean selected = selection.get().isFunction(functionName);
            edit(design().withFunction(functionName, changed));
            if (selected) {
                selection.set(Selection.function(changed.name()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Changes a segment; an error message, and no change, when the result is not a valid segment. */
    public Optional<String> editSegment(String segmentName, UnaryOperator<Segment> change) {
        if (design().segment(segmentName).isEmpty()) {
            return Optional.of("there is no segment '" + segmentName + "'");
        }
        try {
            edit(design().withSegment(segmentName, change));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Changes the design as a whole (the services, the mode); an error message when the result is invalid. */
    public Optional<String> editDesign(UnaryOperator<Design> change) {
        try {
            edit(change.apply(design()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Changes the design as a whole as one undoable step and says in the status bar what was done (advice applied
     * from a profile, say); an error message, and no change, when the result is invalid.
     */
    public Optional<String> editDesign(UnaryOperator<Design> change, String done) {
        var before = design();
        var error = editDesign(change);
        if (error.isEmpty() && !design().equals(before)) {
            message.set(done);
        }
        return error;
    }

    /** Adds the functions of a bundle jar that the design does not have yet. */
    public void importBundle(Path jar) {
        if (!importer.available()) {
            message.set("Importing bundles is not available yet");
            return;
        }
        try {
            var imported = importer.scan(jar, file().map(f -> f.toAbsolutePath().getParent()).orElse(null));
            var bundles = new ArrayList<>(design().bundles());
            bundles.removeIf(b -> b.name().equals(imported.bundle().name()));
            bundles.add(imported.bundle());
            var functions = new ArrayList<>(design().functions());
            var added = imported.functions().stream().filter(f -> design().function(f.name()).isEmpty()).toList();
            functions.addAll(added);
            edit(design().withBundles(bundles).withFunctions(functions));
            message.set("Imported " + Words.count(added.size(), "function") + " from " + jar.getFileName());
        } catch (IOException | RuntimeException e) {
            message.set("Could not import " + jar.getFileName() + ": " + e.getMessage());
        }
    }

    private void edit(Design next) {
        if (next.equals(design())) {
            return;
        }
        history.edited(design());
        show(next);
        afterChange();
    }

    /** Folds a follow-up change into the edit just made, so one user action is one undo step. */
    private void replaceTop(Design next) {
        show(next);
        afterChange();
    }

    private void afterChange() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        if (dirty.get()) {
            recovery.schedule(design(), file.get());
        }
    }

    private void load(Design loaded, Path path, List<Problem> problemsInFile, String text) {
        history.clear();
        savedText = text;
        saved = loaded;
        savedProblems = List.copyOf(problemsInFile);
        file.set(path);
        openProblems.clear();
        openFailure.set("");
        selection.set(Selection.NONE);
        show(loaded);
        canUndo.set(false);
        canRedo.set(false);
    }

    private void show(Design next) {
        // Derived state first: views that listen to the design read problems, calls and plan of the new value.
        refresh(next);
        design.set(next);
        var current = selection.get();
        boolean gone = (current.kind() == Selection.Kind.FUNCTION && next.function(current.name()).isEmpty())
                || (current.kind() == Selection.Kind.SEGMENT && next.segment(current.name()).isEmpty());
        if (gone) {
            selection.set(Selection.NONE);
        }
    }

    private void refresh() {
        refresh(design());
    }

    private void refresh(Design current) {
        dirty.set(!current.equals(saved));
        String source = file().map(p -> p.getFileName().toString()).orElse(current.name() + ".json");
        // A design never saved is called by its name, as the toolbar calls it.
        String shown = file().map(p -> p.getFileName().toString()).orElse(current.name() + " (not saved)");
        title.set(shown + (dirty.get() ? " *" : "") + " \u2014 Clusterdeck");
        // Problems of an unchanged file keep the lines of the file itself; after an edit, of the text it would save.
        var known = current.equals(saved) ? savedProblems : List.<Problem>of();
        Path folder = file().map(Path::toAbsolutePath).map(Path::getParent).orElse(Path.of("").toAbsolutePath());
        var review = DesignReview.of(current, savedText, source, known, folder);
        json.set(review.json());
        problems.setAll(review.problems());
        crossCalls.setAll(review.crossCalls());
        plan.setAll(review.plan());
        planStatus.set(review.planStatus());
        summary.set(review.summary());
    }

    /** The text of a file, or null when it cannot be read (loading it again then says why). */
    private static String readable(Path path) {
        try {
            return java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
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
