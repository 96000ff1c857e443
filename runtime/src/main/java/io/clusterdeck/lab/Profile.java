package io.clusterdeck.lab;

import io.clusterdeck.json.InvalidValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a design measured: per function, its calls, CPU and latency; per pair of functions, how often one
 * called the other and what crossing the gateway cost. The evidence segmentation advice rests on. Written as JSON
 * by {@link ProfileFiles}, in the format of {@code docs/profile.schema.json}.
 *
 * @param design  the design's name
 * @param seconds how long the recording lasted
 */
public record Profile(int version, String design, double seconds, List<FunctionProfile> functions,
                      List<CallProfile> calls) {
    public static final int FORMAT_VERSION = 1;

    public Profile {
        if (version != FORMAT_VERSION) {
            throw new InvalidValueException("version", "unsupported profile format " + version
                    + "; this Clusterdeck reads " + FORMAT_VERSION);
        }
        Objects.requireNonNull(design, "design");
        if (!(seconds > 0)) {
            throw new InvalidValueException("seconds", "must be above 0, was " + seconds);
        }
        functions = List.copyOf(functions);
        calls = List.copyOf(calls);
        var names = new HashSet<String>();
        for (var function : functions) {
            if (!names.add(function.name())) {
                throw new InvalidValueException("functions", "'" + function.name() + "' is listed twice");
            }
        }
    }

    public Optional<FunctionProfile> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Calls per second of a function over the recording (0 for one that was not measured). */
    public double rate(String function) {
        return function(function).map(f -> f.calls() / seconds).orElse(0.0);
    }

    /** The calls the given function made to others. */
    public List<CallProfile> callsFrom(String function) {
        return calls.stream().filter(c -> c.from().equals(function)).toList();
    }

    /** The calls others made to the given function. */
    public List<CallProfile> callsTo(String function) {
        return calls.stream().filter(c -> c.to().equals(function)).toList();
    }

    /** The calls a function made across the gateway, per call of it. */
    public double hopsPerCall(String function) {
        var calls = function(function).map(FunctionProfile::calls).orElse(0L);
        if (calls == 0) {
            return 0;
        }
        return callsFrom(function).stream().filter(CallProfile::crossesGateway).mapToLong(CallProfile::count).sum()
                / (double) calls;
    }
}
