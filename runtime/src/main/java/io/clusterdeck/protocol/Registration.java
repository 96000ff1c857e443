package io.clusterdeck.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.Checks;
import io.clusterdeck.json.JsonTrees;
import java.util.List;

/**
 * What a worker tells the gateway on {@code POST /workers}; it sends the same body as its heartbeat.
 *
 * @param url       where the worker answers
 * @param pid       its process id, for display
 * @param functions the functions it hosts
 */
public record Registration(String name, String segment, String url, long pid, int weight, List<String> functions) {
    public Registration {
        functions = functions == null ? List.of() : List.copyOf(functions);
        weight = weight < 1 ? 1 : weight;
        var checks = new Checks();
        checks.present("name", name);
        checks.present("segment", segment);
        if (checks.present("url", url) && !url.matches("https?://[^/\\s]+")) {
            checks.fail("url", "'" + url + "' is not an http://host:port URL");
        }
        checks.throwIfAny();
    }

    /** The registration as the tree a mapper would write of it: a worker sends it without building a mapper. */
    public ObjectNode tree() {
        var tree = JsonTrees.object().put("name", name).put("segment", segment).put("url", url).put("pid", pid)
                .put("weight", weight);
        functions.forEach(tree.putArray("functions")::add);
        return tree;
    }
}
