package io.clusterdeck.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.Checks;
import io.clusterdeck.json.InvalidValueException;
import io.clusterdeck.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private static final Set<String> FIELDS = Set.of("name", "segment", "url", "pid", "weight", "functions");

    /**
     * A registration read from its JSON tree as a mapper binds the record, without one: no field it does not know,
     * each of its type; a missing one is null (0 for the numbers). The gateway reads every worker's this way.
     *
     * @throws InvalidValueException naming the field that is wrong
     */
    public static Registration of(JsonNode tree) {
        if (!tree.isObject()) {
            throw new InvalidValueException("", "expected an object");
        }
        for (var names = tree.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidValueException(name, "is not a field of a registration");
            }
        }
        long weight = whole(tree, "weight");
        if (weight != (int) weight) {
            throw new InvalidValueException("weight", "must be a whole number of at most " + Integer.MAX_VALUE);
        }
        return new Registration(text(tree, "name"), text(tree, "segment"), text(tree, "url"), whole(tree, "pid"),
                (int) weight, texts(tree, "functions"));
    }

    private static String text(JsonNode tree, String field) {
        var value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidValueException(field, "must be a string");
        }
        return value.textValue();
    }

    private static long whole(JsonNode tree, String field) {
        var value = tree.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidValueException(field, "must be a whole number");
        }
        return value.longValue();
    }

    private static List<String> texts(JsonNode tree, String field) {
        var value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidValueException(field, "must be a list of strings");
        }
        var texts = new ArrayList<String>();
        for (var element : value) {
            if (!element.isTextual()) {
                throw new InvalidValueException(field, "must be a list of strings");
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    /** The registration as the tree a mapper would write of it: a worker sends it without building a mapper. */
    public ObjectNode tree() {
        var tree = JsonTrees.object().put("name", name).put("segment", segment).put("url", url).put("pid", pid)
                .put("weight", weight);
        functions.forEach(tree.putArray("functions")::add);
        return tree;
    }
}
