package io.clusterdeck.lab;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a piece of advice is about; the rules are documented in {@code docs/segmentation-lab.md}. */
public enum AdviceKind {
    /** A function much heavier than the rest of its segment gets a segment of its own. */
    SPLIT,
    /** Two alike segments that call each other on most requests become one. */
    MERGE,
    /** A segment's workers from its measured CPU demand. */
    SIZE,
    /** A segment that serves public functions gets a second worker. */
    AVAILABILITY,
    /** A function whose failed calls cannot be retried is called across the gateway. */
    NON_IDEMPOTENT_HOP;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
