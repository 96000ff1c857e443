package io.clusterdeck.app.advice;

import io.clusterdeck.app.designer.DesignerViewModel;
import io.clusterdeck.design.Design;
import io.clusterdeck.json.DocumentException;
import io.clusterdeck.lab.Advice;
import io.clusterdeck.lab.AdviceOptions;
import io.clusterdeck.lab.Advisor;
import io.clusterdeck.lab.Profile;
import io.clusterdeck.lab.ProfileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Advise panel's state: a profile of a run, what to aim for, and the lab's suggestions for the design as the
 * designer shows it. The suggestions are worked out anew whenever the design or the options change (an apply, an
 * undo, any other edit), so an applied suggestion goes and the rest fit what is left. Applying one suggestion, or
 * all of them, is one undoable edit in the designer.
 */
public final class AdviceViewModel {
    private final DesignerViewModel designer;
    /** The advice for the design as shown, in the advisor's order; each builds on those before it. */
    private List<Advice> advice = List.of();

    // Properties
    private final ReadOnlyObjectWrapper<Path> profileFile = new ReadOnlyObjectWrapper<>(this, "profileFile");
    private final ReadOnlyObjectWrapper<Profile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final IntegerProperty targetPercent = new SimpleIntegerProperty(this, "targetPercent",
            (int) Math.round(AdviceOptions.DEFAULT.targetUtilisation() * 100));
    private final IntegerProperty coresPerWorker = new SimpleIntegerProperty(this, "coresPerWorker",
            AdviceOptions.DEFAULT.coresPerWorker());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<Suggestion> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private final BooleanBinding changesDesign = Bindings.createBooleanBinding(
            () -> suggestions.stream().anyMatch(s -> s.advice().changesDesign()), suggestions);

    public AdviceViewModel(DesignerViewModel designer) {
        this.designer = designer;
        designer.designProperty().addListener((obs, old, now) -> readvise());
        targetPercent.addListener(obs -> readvise());
        coresPerWorker.addListener(obs -> readvise());
    }

    /** The profile file the advice rests on, or null before one is read. */
    public ReadOnlyObjectProperty<Path> profileFileProperty() {
        return profileFile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** The share of each worker's CPU the measured load may use, in percent: above 0 and at most 100. */
    public IntegerProperty targetPercentProperty() {
        return targetPercent;
    }

    /** The CPU cores one worker has in production. */
    public IntegerProperty coresPerWorkerProperty() {
        return coresPerWorker;
    }

    /** One line: how many suggestions, that there is nothing to change, or why there is no advice. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the advice may rest on little (a profile of another design); empty when nothing is amiss. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Which profile file could not be read, in one sentence; empty when the last one was read. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Why the last profile file could not be read: each problem as {@code file:line:col: path: message}. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The suggestions for the design as shown, in the order the advisor makes them. */
    public ObservableList<Suggestion> suggestions() {
        return suggestionsView;
    }

    /** Whether any suggestion changes the design: Apply all and the comparison with the advised design need one. */
    public BooleanBinding changesDesignProperty() {
        return changesDesign;
    }

    /** Where a chooser for a profile opens: next to the design. */
    public Path folder() {
        return designer.suggestedFolder();
    }

    /** The design as shown with every suggestion applied, named {@code <name>-advised} so the two read apart. */
    public Design advisedDesign() {
        var design = designer.design();
        return Advisor.apply(design, advice).withName(advisedName(design.name()));
    }

    // Commands

    /**
     * Reads a profile and advises on it; a file that cannot be read, or is not a profile, leaves no advice and
     * {@link #failureProperty()} and {@link #problems()} say why.
     */
    public boolean load(Path file) {
        var name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Profile read;
        try {
            if (Files.isDirectory(file)) {
                return failed("Could not read " + name + ": it is a folder, not a profile", List.of());
            }
            read = ProfileFiles.read(file);
        } catch (DocumentException e) {
            return failed(name + " is not a profile Clusterdeck can read: " + count(e.problems().size(), "problem"),
                    e.problems().stream().map(p -> p.locatedIn(name, p.line(), p.column()).toString()).toList());
        } catch (java.nio.file.NoSuchFileException e) {
            return failed("Could not read " + name + ": no such file", List.of());
        } catch (IOException e) {
            return failed("Could not read " + name + ": " + e.getMessage(), List.of());
        }
        failure.set("");
        problems.clear();
        profileFile.set(file);
        profile.set(read);
        readvise();
        return true;
    }

    /**
     * Applies one suggestion to the design as one undoable edit; returns the segment it changed most visibly (the
     * one a split creates, say), or empty when it was not applied.
     */
    public Optional<String> apply(Suggestion suggestion) {
        if (!suggestion.applicable() || !suggestions.contains(suggestion)) {
            return Optional.empty();
        }
        var applied = suggestion.advice();
        var error = designer.editDesign(applied::applyTo,
                "Applied the " + applied.kind().json() + " advice: " + suggestion.subject());
        if (error.isPresent()) {
            return Optional.empty();
        }
        var segments = applied.segments();
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (designer.design().segment(segments.get(i)).isPresent()) {
                return Optional.of(segments.get(i));
            }
        }
        return Optional.empty();
    }

    /** Applies every suggestion, in order, as one undoable edit. */
    public void applyAll() {
        var all = advice;
        long edits = all.stream().filter(Advice::changesDesign).count();
        if (edits == 0) {
            return;
        }
        designer.editDesign(d -> Advisor.apply(d, all), "Applied all advice: " + count((int) edits, "change")
                + " in one step");
    }

    /** Forgets the profile: no advice is worked out until another is read. */
    public void close() {
        profileFile.set(null);
        profile.set(null);
        failure.set("");
        problems.clear();
        readvise();
    }

    private boolean failed(String sentence, List<String> located) {
        profileFile.set(null);
        profile.set(null);
        problems.setAll(located);
        failure.set(sentence);
        readvise();
        return false;
    }

    private void readvise() {
        var measured = profile.get();
        var design = designer.design();
        advice = List.of();
        warning.set("");
        if (measured == null) {
            summary.set("");
            suggestions.clear();
            return;
        }
        if (!measured.design().equals(design.name())) {
            warning.set(profileFile.get().getFileName() + " is a profile of design '" + measured.design() + "', not '"
                    + design.name() + "': advice for functions it does not measure rests on nothing");
        }
        try {
            advice = Advisor.advise(design, measured,
                    new AdviceOptions(targetPercent.get() / 100.0, coresPerWorker.get()));
        } catch (DocumentException e) {
            suggestions.clear();
            summary.set("The design has " + count(e.problems().size(), "problem") + ": fix them (see Problems) for "
                    + "advice");
            return;
        } catch (IllegalArgumentException e) {
            suggestions.clear();
            summary.set("No advice: " + e.getMessage());
            return;
        }
        suggestions.setAll(advice.stream().map(a -> Suggestion.of(a, design)).toList());
        var seconds = String.format(Locale.ROOT, "%.1f s", measured.seconds());
        summary.set(advice.isEmpty() ? "Nothing to change: the design fits what the " + seconds + " profile measured"
                : count(advice.size(), "suggestion") + " from a " + seconds + " profile");
    }

    /** {@code webshop-advised}, within the 40 characters a design name may have. */
    static String advisedName(String name) {
        var suffix = "-advised";
        var base = name.substring(0, Math.min(name.length(), 40 - suffix.length())).replaceAll("-+$", "");
        return base + suffix;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
