package io.clusterdeck.json;

import java.util.List;
import java.util.stream.Collectors;

/** A document that could not be used, with every problem found in it, one per line. */
public class DocumentException extends RuntimeException {
    private final transient List<Problem> problems;

    public DocumentException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
