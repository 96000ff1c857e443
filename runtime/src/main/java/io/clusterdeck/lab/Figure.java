package io.clusterdeck.lab;

import java.util.Objects;

/**
 * One measured or derived number that a piece of advice rests on.
 *
 * @param name  what it is, in camelCase: {@code cpuMsPerCall}, {@code callsPerSecond}
 * @param unit  {@code ms}, {@code calls/s}, {@code cores}, {@code workers}, {@code share} (0 to 1) or {@code x} (a ratio)
 */
public record Figure(String name, double value, String unit) {
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": must be a finite number, was " + value);
        }
    }
}
