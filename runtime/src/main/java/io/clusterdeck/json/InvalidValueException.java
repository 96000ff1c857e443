package io.clusterdeck.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by validating constructors: every rule the value breaks, not just the first.
 */
public class InvalidValueException extends IllegalArgumentException {
    private final transient List<Violation> violations;

    public InvalidValueException(List<Violation> violations) {
        super(violations.stream()
                .map(v -> v.field().isEmpty() ? v.message() : v.field() + ": " + v.message())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidValueException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
