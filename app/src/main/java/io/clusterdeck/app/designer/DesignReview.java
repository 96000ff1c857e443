package io.clusterdeck.app.designer;

import static io.clusterdeck.app.designer.Words.count;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.Problem;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the designer shows about a design besides the design itself: the text it saves as, its problems,
 * the calls between its segments, its plan and a one-line summary.
 */
record DesignReview(String json, List<ElementProblem> problems, List<CrossCall> crossCalls, List<PlanRow> plan,
                    String planStatus, String summary) {
    DesignReview {
        problems = List.copyOf(problems);
        crossCalls = List.copyOf(crossCalls);
        plan = List.copyOf(plan);
    }

    /**
     * Reviews a design. Its text is what it would be saved as, in the shape of {@code savedText} (or null); problems
     * come from reading that text back, named after {@code source}, unless {@code knownProblems} (as located in the
     * file it was read from) are given.
     */
    static DesignReview of(Design design, String savedText, String source, List<Problem> knownProblems, Path folder) {
        String text = DesignText.of(design, savedText);
        var found = knownProblems.isEmpty() ? DesignFiles.parse(text, source).problems() : knownProblems;
        var problems = found.stream().map(p -> ElementProblem.locate(p, design)).toList();
        var crossCalls = CrossCall.of(design);
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = design.segments().stream().mapToInt(s -> s.workers().resolve(cores)).sum();
        String summary = count(design.functions().size(), "function") + " \u00b7 "
                + count(design.segments().size(), "segment") + " \u00b7 " + count(workers, "worker") + " \u00b7 "
                + count(crossCalls.stream().mapToInt(CrossCall::count).sum(), "cross-segment call");
        if (!problems.isEmpty()) {
            return new DesignReview(text, problems, crossCalls, List.of(), "The plan appears once the design has no "
                    + "problems (" + count(problems.size(), "problem") + " now).", summary);
        }
        try {
            var planned = Planner.plan(design, PlanOptions.local(folder));
            return new DesignReview(text, problems, crossCalls, planned.processes().stream().map(PlanRow::of).toList(),
                    count(planned.processes().size(), "process") + " \u00b7 clients call " + planned.entryUrl(), summary);
        } catch (RuntimeException e) {
            return new DesignReview(text, problems, crossCalls, List.of(), "No plan: " + e.getMessage(), summary);
        }
    }
}
