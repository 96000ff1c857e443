package io.clusterdeck.bundle;

import java.util.List;

/**
 * The arguments of a call do not fit the function: missing, unknown, of the wrong type, or rejected by the
 * function itself with {@link io.clusterdeck.function.ArgumentException}. A service answers 400.
 */
public final class BadArgumentsException extends InvocationException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    BadArgumentsException(String function, List<String> problems, Throwable cause) {
        super(function, "function '" + function + "': " + String.join("; ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each, such as {@code missing argument 'country' (a string)}. */
    public List<String> problems() {
        return problems;
    }
}
