package io.clusterdeck.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The runtime services a plan is made of, in the order they start. */
public enum Role {
    REPOSITORY, GATEWAY, WORKER, STANDALONE, PROXY;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
