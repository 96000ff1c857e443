package io.clusterdeck.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.JsonTrees;
import java.util.Optional;

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

    /**
     * The error an answer tells of, read as leniently as the record is (unknown fields ignored, a field of the wrong
     * type left out); empty when the answer is not an error answer.
     */
    public static Optional<Error> errorOf(JsonNode answer) {
        var error = answer.path("error");
        if (!error.isObject()) {
            return Optional.empty();
        }
        var status = error.path("status");
        return Optional.of(new Error(status.canConvertToInt() && status.isIntegralNumber() ? status.intValue() : 0,
                error.path("code").textValue(), error.path("message").textValue()));
    }

    /** The answer as the tree a mapper would write of it: every service writes it without building a mapper. */
    public ObjectNode tree() {
        var tree = JsonTrees.object();
        if (error == null) {
            tree.putNull("error");
        } else {
            tree.putObject("error").put("status", error.status()).put("code", error.code()).put("message", error.message());
        }
        return tree;
    }
}
