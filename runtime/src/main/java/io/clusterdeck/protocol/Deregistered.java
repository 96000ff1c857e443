package io.clusterdeck.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.JsonTrees;

/** A gateway's answer to a worker's goodbye ({@code DELETE /workers/{name}}). */
public record Deregistered(String deregistered) {
    /** The answer as the tree a mapper writes of the record. */
    public ObjectNode tree() {
        return JsonTrees.object().put("deregistered", deregistered);
    }
}
