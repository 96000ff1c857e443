package io.clusterdeck.app.designer;

import io.clusterdeck.design.Design;
import io.clusterdeck.json.Problem;
import java.util.regex.Pattern;

/**
 * A problem of the design together with the element it concerns, so the view can mark that element.
 * {@code segments[1].workers} concerns the second segment, {@code functions[0].calls[2]} the first function,
 * {@code gateway.retries} the services; whole-design problems concern {@link Selection#NONE}.
 */
public record ElementProblem(Problem problem, Selection element) {
    private static final Pattern INDEXED = Pattern.compile("^(functions|segments)\\[(\\d+)].*");

    /** Places a problem found in a design on the element its path names. */
    public static ElementProblem locate(Problem problem, Design design) {
        return new ElementProblem(problem, elementOf(problem.path(), design));
    }

    static Selection elementOf(String path, Design design) {
        var indexed = INDEXED.matcher(path);
        if (indexed.matches()) {
            int index = Integer.parseInt(indexed.group(2));
            if (indexed.group(1).equals("functions") && index < design.functions().size()) {
                return Selection.function(design.functions().get(index).name());
            }
            if (indexed.group(1).equals("segments") && index < design.segments().size()) {
                return Selection.segment(design.segments().get(index).name());
            }
            return Selection.NONE;
        }
        for (var service : new String[] {"gateway", "proxy", "repository", "network", "ports", "mode"}) {
            if (path.equals(service) || path.startsWith(service + ".")) {
                return Selection.SERVICES;
            }
        }
        return Selection.NONE;
    }

    public String message() {
        return problem.message();
    }

    /** {@code webshop.json:14:7}, or just the file when the line is unknown. */
    public String where() {
        return problem.line() > 0 ? problem.source() + ":" + problem.line() + ":" + problem.column() : problem.source();
    }
}
