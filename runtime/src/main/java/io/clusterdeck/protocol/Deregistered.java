package io.clusterdeck.protocol;

/** A gateway's answer to a worker's goodbye ({@code DELETE /workers/{name}}). */
public record Deregistered(String deregistered) {
}
