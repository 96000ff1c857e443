package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterdeck.json.InvalidValueException;

/** How many workers a segment runs: a fixed number, or one per CPU core ({@code "cores"}). */
public record WorkerCount(int fixed, boolean perCore) {
    public static final String CORES = "cores";
    public static final int MAX = 256;

    public WorkerCount {
        if (!perCore && (fixed < 1 || fixed > MAX)) {
            throw new InvalidValueException("", "must be between 1 and " + MAX + " or \"cores\", was " + fixed);
        }
    }

    public static WorkerCount of(int n) {
        return new WorkerCount(n, false);
    }

    public static WorkerCount cores() {
        return new WorkerCount(0, true);
    }

    @JsonCreator
    public static WorkerCount parse(Object value) {
        if (value instanceof Integer n) {
            return of(n);
        }
        if (CORES.equals(value)) {
            return cores();
        }
        throw new InvalidValueException("", "expected a whole number or \"cores\", was "
                + (value instanceof String s ? "\"" + s + "\"" : value));
    }

    /** The number of workers on a machine with the given number of cores. */
    public int resolve(int cores) {
        return perCore ? Math.max(1, cores) : fixed;
    }

    @JsonValue
    public Object json() {
        return perCore ? CORES : fixed;
    }

    @Override
    public String toString() {
        return perCore ? "one per core" : Integer.toString(fixed);
    }
}
