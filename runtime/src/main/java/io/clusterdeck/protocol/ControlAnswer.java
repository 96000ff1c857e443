package io.clusterdeck.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a running launch's control channel answers a command ({@code clusterdeck fault}, {@code scale}, ...). */
public final class ControlAnswer {
    private ControlAnswer() {
    }

    /** The command was carried out: {@code {"done":"kill worker-images-2"}}. */
    public record Done(String done) {
    }

    /** The command was refused or failed, and why: {@code {"error":"unknown process 'x'; processes: ..."}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failed(String error) {
    }
}
