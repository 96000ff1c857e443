package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The shape of a simulated latency around its mean. */
public enum Distribution {
    /** Always the mean. */
    FIXED,
    /** Evenly between mean - spread and mean + spread. */
    UNIFORM,
    /** Normal with the spread as standard deviation, never below zero. */
    NORMAL,
    /** Exponential with the given mean: many short waits, a long tail. */
    EXPONENTIAL;

    @JsonValue
    public String json() {
        return Names.json(this);
    }

    @JsonCreator
    public static Distribution of(String value) {
        return Names.parse(Distribution.class, "distribution", value);
    }
}
