package io.clusterdeck.json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects the rules a value breaks in its constructor, then throws them all at once.
 *
 * <pre>{@code
 * var checks = new Checks();
 * checks.name("name", name, Checks.LOWER_NAME);
 * checks.atLeast("workers", workers, 1);
 * checks.throwIfAny();
 * }</pre>
 */
public final class Checks {
    /** Lower-case letters, digits and dashes, starting with a letter: fits process, DNS and container names. */
    public static final Pattern LOWER_NAME = Pattern.compile("[a-z]([a-z0-9-]{0,38}[a-z0-9])?");

    private final List<Violation> violations = new ArrayList<>();

    public Checks fail(String field, String message) {
        violations.add(new Violation(field, message));
        return this;
    }

    public boolean present(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
            return false;
        }
        return true;
    }

    public Checks name(String field, String value, Pattern pattern, String rule) {
        if (present(field, value) && !pattern.matcher(value).matches()) {
            fail(field, "'" + value + "' is not a valid name: " + rule);
        }
        return this;
    }

    public Checks atLeast(String field, Number value, double min) {
        if (value != null && value.doubleValue() < min) {
            fail(field, "must be at least " + format(min) + ", was " + format(value.doubleValue()));
        }
        return this;
    }

    public Checks between(String field, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            fail(field, "must be between " + format(min) + " and " + format(max) + ", was " + format(value.doubleValue()));
        }
        return this;
    }

    /** Adds the violations of a nested value under a field prefix. */
    public Checks nested(String prefix, InvalidValueException e) {
        for (var v : e.violations()) {
            fail(v.field().isEmpty() ? prefix : prefix + "." + v.field(), v.message());
        }
        return this;
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidValueException(violations);
        }
    }

    /** A number as a user wrote it: no ".0" on whole numbers. */
    public static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
