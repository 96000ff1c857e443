package io.clusterdeck.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.JsonTrees;

/**
 * What a gateway answers a worker's registration ({@code POST /workers}): 201 with {@code registered} true when it
 * did not know the worker, else 200.
 *
 * @param name          the worker's name
 * @param gateway       the gateway's own name, which its health checks carry in {@link ClusterHeaders#CHECKED_BY}
 * @param healthCheckMs how often it checks the worker: a silence of a few intervals means it forgot the worker
 */
public record RegistrationAnswer(boolean registered, String name, String gateway, long healthCheckMs) {
    /** The answer as the tree a mapper writes of the record: a gateway answers without building one. */
    public ObjectNode tree() {
        return JsonTrees.object().put("registered", registered).put("name", name).put("gateway", gateway)
                .put("healthCheckMs", healthCheckMs);
    }
}
