package io.clusterdeck.design;

import java.util.Map;
import java.util.TreeMap;

/** Where the designer draws segment cards, by segment name; the runtime ignores it. */
public record Layout(Map<String, Position> segments) {
    public static final Layout EMPTY = new Layout(null);

    public Layout {
        segments = segments == null ? Map.of() : Map.copyOf(segments);
    }

    public Layout withSegment(String name, Position position) {
        var copy = new TreeMap<>(segments);
        copy.put(name, position);
        return new Layout(copy);
    }
}
