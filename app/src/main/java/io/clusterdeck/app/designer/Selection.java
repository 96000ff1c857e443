package io.clusterdeck.app.designer;

import java.util.Objects;

/**
 * What the inspector shows and problems point at: a function, a segment, the services around them, or nothing.
 *
 * @param name the function's or segment's name; empty for the services and for nothing
 */
public record Selection(Kind kind, String name) {
    public enum Kind { NONE, FUNCTION, SEGMENT, SERVICES }

    public static final Selection NONE = new Selection(Kind.NONE, "");
    public static final Selection SERVICES = new Selection(Kind.SERVICES, "");

    public Selection {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
    }

    public static Selection function(String name) {
        return new Selection(Kind.FUNCTION, name);
    }

    public static Selection segment(String name) {
        return new Selection(Kind.SEGMENT, name);
    }

    public boolean isFunction(String functionName) {
        return kind == Kind.FUNCTION && name.equals(functionName);
    }

    public boolean isSegment(String segmentName) {
        return kind == Kind.SEGMENT && name.equals(segmentName);
    }
}
