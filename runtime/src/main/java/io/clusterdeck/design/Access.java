package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may call a function. */
public enum Access {
    /** Callable from outside, through the proxy. */
    PUBLIC,
    /** Callable by members of the cluster that hold the cluster key. */
    PROTECTED,
    /** Callable only from other functions in the cluster. */
    PRIVATE;

    @JsonValue
    public String json() {
        return Names.json(this);
    }

    @JsonCreator
    public static Access of(String value) {
        return Names.parse(Access.class, "access level", value);
    }
}
