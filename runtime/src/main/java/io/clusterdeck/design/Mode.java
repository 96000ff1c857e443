package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a design runs: as a cluster of services, or all in one standalone process. */
public enum Mode {
    /** Repository, gateway, workers per segment and an optional proxy. */
    CLUSTER,
    /** One process holding the repository and every segment (plus an optional proxy). */
    STANDALONE;

    @JsonValue
    public String json() {
        return Names.json(this);
    }

    @JsonCreator
    public static Mode of(String value) {
        return Names.parse(Mode.class, "mode", value);
    }
}
