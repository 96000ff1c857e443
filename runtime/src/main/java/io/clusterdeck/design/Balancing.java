package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How the gateway spreads a segment's calls over its workers. */
public enum Balancing {
    /** Each worker in turn. */
    ROUND_ROBIN,
    /** The less busy of two workers picked at random (power of two choices). */
    LEAST_REQUESTS,
    /** In proportion to each worker's weight. */
    WEIGHTED,
    /** The same caller to the same worker (cookie or header), another one when that worker is gone. */
    STICKY;

    @JsonValue
    public String json() {
        return Names.json(this);
    }

    @JsonCreator
    public static Balancing of(String value) {
        return Names.parse(Balancing.class, "balancing strategy", value);
    }
}
