package io.clusterdeck.app.designer;

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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.ObjectProperty;

/**
 * The designer's edits: each turns what the user asked for into a new design, one undoable step of the document,
 * and keeps the selection on what was edited. What would make the design invalid is refused with a sentence
 * saying why, and the design stays as it was. {@link DesignerViewModel} documents each command.
 */
final class DesignEditor {
    private final DesignDocument document;
    private final ObjectProperty<Selection> selection;
    private final BundleImporter importer;
    private final Consumer<String> tell;

    /** @param tell shows the user a sentence about what was done */
    DesignEditor(DesignDocument document, ObjectProperty<Selection> selection, BundleImporter importer,
                 Consumer<String> tell) {
        this.document = document;
        this.selection = selection;
        this.importer = importer;
        this.tell = tell;
    }

    private Design design() {
        return document.design();
    }

    void moveFunction(String functionName, String segmentName) {
        if (design().function(functionName).isEmpty()
                || (segmentName != null && design().segment(segmentName).isEmpty())) {
            return;
        }
        var current = design().segmentOf(functionName).map(Segment::name).orElse(null);
        if (segmentName == null ? current == null : segmentName.equals(current)) {
            return;
        }
        document.edit(Segmentation.move(design(), functionName, segmentName));
    }

    void setWorkers(String segmentName, WorkerCount workers) {
        editSegment(segmentName, s -> s.withWorkers(workers));
    }

    void setBalancing(String segmentName, Balancing balancing) {
        editSegment(segmentName, s -> s.withBalancing(balancing));
    }

    void setRestart(String segmentName, Restart restart) {
        editSegment(segmentName, s -> s.withRestart(restart));
    }

    Optional<String> renameSegment(String currentName, String newName) {
        String name = newName.strip();
        if (name.equals(currentName)) {
            return Optional.empty();
        }
        if (design().segment(name).isPresent()) {
            return Optional.of("a segment named '" + name + "' already exists");
        }
        var position = Segmentation.positionOf(design(), currentName);
        var error = editSegment(currentName, s -> s.withName(name));
        if (error.isEmpty()) {
            document.replaceTop(Segmentation.withCardRenamed(design(), currentName, position, name));
            selection.set(Selection.segment(name));
        }
        return error;
    }

    String addSegment() {
        return addSegment(Segmentation.freePosition(design()));
    }

    String addSegment(Area visible) {
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
        document.edit(design().withSegments(segments).withLayout(design().layout().withSegment(name, position)));
        selection.set(Selection.segment(name));
        return name;
    }

    void removeSegment(String segmentName) {
        if (design().segment(segmentName).isEmpty()) {
            return;
        }
        document.edit(Segmentation.withoutSegment(design(), segmentName));
    }

    void moveSegmentCard(String segmentName, double x, double y) {
        if (design().segment(segmentName).isEmpty()) {
            return;
        }
        var position = new Position((double) Math.max(0, Math.round(x)), (double) Math.max(0, Math.round(y)));
        document.edit(design().withLayout(design().layout().withSegment(segmentName, position)));
    }

    String addFunction() {
        int n = 1;
        while (design().function("new/function-" + n).isPresent()) {
            n++;
        }
        String name = "new/function-" + n;
        var functions = new ArrayList<>(design().functions());
        functions.add(Function.simulated(name, Access.PUBLIC, new Simulation(1.0, Latency.fixed(2), 0.0, 256)));
        document.edit(design().withFunctions(functions));
        selection.set(Selection.function(name));
        return name;
    }

    void removeFunction(String functionName) {
        if (design().function(functionName).isEmpty()) {
            return;
        }
        document.edit(Segmentation.withoutFunction(design(), functionName));
    }

    Optional<String> editFunction(String functionName, UnaryOperator<Function> change) {
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
            document.edit(design().withFunction(functionName, changed));
            if (selected) {
                selection.set(Selection.function(changed.name()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    Optional<String> editSegment(String segmentName, UnaryOperator<Segment> change) {
        if (design().segment(segmentName).isEmpty()) {
            return Optional.of("there is no segment '" + segmentName + "'");
        }
        try {
            document.edit(design().withSegment(segmentName, change));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    Optional<String> editDesign(UnaryOperator<Design> change) {
        try {
            document.edit(change.apply(design()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    Optional<String> editDesign(UnaryOperator<Design> change, String done) {
        var before = design();
        var error = editDesign(change);
        if (error.isEmpty() && !design().equals(before)) {
            tell.accept(done);
        }
        return error;
    }

    void importBundle(Path jar) {
        if (!importer.available()) {
            tell.accept("Importing bundles is not available yet");
            return;
        }
        try {
            var imported = importer.scan(jar, document.file().map(DesignFiles::folderOf).orElse(null));
            var bundles = new ArrayList<>(design().bundles());
            bundles.removeIf(b -> b.name().equals(imported.bundle().name()));
            bundles.add(imported.bundle());
            var functions = new ArrayList<>(design().functions());
            var added = imported.functions().stream().filter(f -> design().function(f.name()).isEmpty()).toList();
            functions.addAll(added);
            document.edit(design().withBundles(bundles).withFunctions(functions));
            tell.accept("Imported " + Words.count(added.size(), "function") + " from " + jar.getFileName());
        } catch (IOException | RuntimeException e) {
            tell.accept("Could not import " + jar.getFileName() + ": " + e.getMessage());
        }
    }
}
