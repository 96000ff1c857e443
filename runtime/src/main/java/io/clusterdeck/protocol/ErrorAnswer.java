package io.clusterdeck.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Every service's answer to a call that failed: {@code {"error":{"status":404,"code":"unknown_function",
 * "message":"..."}}}. A worker that called another segment reads the callee's failure back from it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorAnswer(Error error) {
    /** @param code a stable, machine-readable reason ({@code no_worker}, {@code timed_out}, ...) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(int status, String code, String message) {
    }

    public static ErrorAnswer of(int status, String code, String message) {
        return new ErrorAnswer(new Error(status, code, message));
    }
}
