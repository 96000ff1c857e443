package io.clusterdeck.json;

/**
 * A rule broken by one field of a value, as reported by a validating constructor.
 *
 * @param field the field's JSON name relative to the value ({@code workers}, {@code latency.meanMs}),
 *              or empty when the value as a whole is wrong
 * @param message what is wrong, naming the value and the rule
 */
public record Violation(String field, String message) {
}
