package io.clusterdeck.design;

/** Where the designer draws something; the runtime ignores it. */
public record Position(Double x, Double y) {
    public Position {
        x = x == null ? 0.0 : x;
        y = y == null ? 0.0 : y;
    }
}
