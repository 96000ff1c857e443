package io.clusterdeck.json;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a document: the value when it could be built, and every problem found.
 * A value can come with problems when they are ones a later check found (for example cross references).
 */
public record Parsed<T>(Optional<T> value, List<Problem> problems) {
    public Parsed {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return value.isPresent() && problems.isEmpty();
    }

    /** The value, or an exception that lists every problem. */
    public T orThrow() {
        if (!ok()) {
            throw new DocumentException(problems);
        }
        return value.get();
    }
}
