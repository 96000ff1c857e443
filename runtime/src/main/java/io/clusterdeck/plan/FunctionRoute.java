package io.clusterdeck.plan;

import io.clusterdeck.design.Access;

/** What the gateway and proxy need to know of one function: where it runs, who may call it, if retries are safe. */
public record FunctionRoute(String name, String segment, Access access, boolean idempotent) {
}
