package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** When the launcher (or an orchestrator) restarts a worker that exited. */
public enum Restart {
    /** Whatever the exit. */
    ALWAYS,
    /** Only after a non-zero exit or a signal. */
    ON_FAILURE,
    /** Never: the segment's other workers take the load. */
    NEVER;

    @JsonValue
    public String json() {
        return Names.json(this);
    }

    @JsonCreator
    public static Restart of(String value) {
        return Names.parse(Restart.class, "restart policy", value);
    }
}
