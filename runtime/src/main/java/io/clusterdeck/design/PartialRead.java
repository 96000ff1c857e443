package io.clusterdeck.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.Problem;
import io.clusterdeck.json.StrictJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-checks a design document of which some parts could not be read. The parts with problems are left out,
 * or stand-ins take their place where a design cannot be without them (a name, a version, a function's
 * implementation); the rest is built and validated like any design. Only problems about parts that were read are
 * kept, placed at their paths in the document as written. So one pass reports a misspelt key, a bad worker count
 * and a call to a missing function together.
 */
final class PartialRead {
    private static final int ROUNDS = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonNode REMOVED = NODES.textNode("\u0000removed");

    private final JsonNode document;
    private final Set<List<Object>> leftOut = new LinkedHashSet<>();
    private final Set<List<Object>> standIns = new HashSet<>();
    /** For each list of the document (by its path there), the positions of the elements kept, in order. */
    private final Map<List<Object>, List<Integer>> kept = new HashMap<>();

    private PartialRead(JsonNode document) {
        this.document = document;
    }

    /**
     * The problems a design's cross-checks find in what could be read of {@code document}, beyond the
     * {@code readProblems} that kept it from being read whole. Empty when too little could be read.
     */
    static List<Problem> crossChecks(JsonNode document, List<Problem> readProblems) {
        return new PartialRead(document).run(readProblems);
    }

    private List<Problem> run(List<Problem> readProblems) {
        var problems = readProblems.stream().map(p -> steps(p.path())).toList();
        for (int round = 0; round < ROUNDS; round++) {
            if (!leaveOut(problems)) {
                return List.of();
            }
            var readable = readable();
            var bound = StrictJson.bind(readable, Design.class, "$");
            if (bound.value().isPresent()) {
                var known = new HashSet<String>();
                readProblems.forEach(p -> known.add(p.path() + ": " + p.message()));
                var found = new ArrayList<Problem>();
                for (var problem : bound.value().get().validate()) {
                    var path = original(steps(problem.path()));
                    var located = Problem.at(text(path), problem.message());
                    if (!touchesLeftOut(path) && known.add(located.path() + ": " + located.message())) {
                        found.add(located);
                    }
                }
                return found;
            }
            problems = bound.problems().stream().map(p -> original(steps(p.path()))).toList();
        }
        return List.of();
    }

    /** Leaves out each part a problem is about; a part that is still wrong gets a stand-in, or its parent goes. */
    private boolean leaveOut(List<List<Object>> problems) {
        boolean changed = false;
        for (var path : problems) {
            var part = path;
            if (leftOut.contains(part) && needsStandIn(part) && standIns.add(part)) {
                changed = true;
                continue;
            }
            while (leftOut.contains(part)) {
                part = part.subList(0, part.size() - 1);
            }
            if (part.isEmpty()) {
                return false;
            }
            changed |= leftOut.add(List.copyOf(part));
        }
        return changed;
    }

    private static boolean needsStandIn(List<Object> path) {
        var last = path.get(path.size() - 1);
        return "name".equals(last) || path.equals(List.of("version"));
    }

    // The readable document

    private JsonNode readable() {
        kept.clear();
        var copy = document.deepCopy();
        var renamed = new HashMap<String, String>();
        for (var path : leftOut) {
            var parentPath = path.subList(0, path.size() - 1);
            var parent = at(copy, parentPath);
            var last = path.get(path.size() - 1);
            if (parent instanceof ObjectNode object && last instanceof String key) {
                if (standIns.contains(path)) {
                    standIn(object, key, path, renamed);
                } else {
                    object.remove(key);
                }
            } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
                array.set(index, stub(parentPath, array.get(index)));
            }
        }
        rename(copy, renamed);
        return compact(copy, List.of());
    }

    private static void standIn(ObjectNode object, String key, List<Object> path, Map<String, String> renamed) {
        if (key.equals("version")) {
            object.put(key, Design.FORMAT_VERSION);
            return;
        }
        var standIn = "unreadable-" + String.join("-", path.stream().map(String::valueOf).toList());
        var original = object.get(key);
        if (original != null && original.isTextual()) {
            renamed.put(original.textValue(), standIn);
        }
        object.put(key, standIn);
    }

    /** What takes the place of a list element that cannot be read: a function or bundle keeps its name. */
    private static JsonNode stub(List<Object> list, JsonNode element) {
        var name = element.path("name");
        if (!name.isTextual()) {
            return REMOVED;
        }
        if (list.equals(List.of("functions")) && Names.FUNCTION.matcher(name.textValue()).matches()) {
            var function = NODES.objectNode().put("name", name.textValue());
            function.putObject("simulate");
            return function;
        }
        if (list.equals(List.of("bundles"))) {
            return NODES.objectNode().put("name", name.textValue()).put("path", "unreadable.jar");
        }
        return REMOVED;
    }

    /** A function or bundle with a stand-in name is still the one its callers, segments and functions name. */
    private static void rename(JsonNode document, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        for (var function : document.path("functions")) {
            renameIn(function.path("calls"), renamed);
            if (function.path("java") instanceof ObjectNode java && java.path("bundle").isTextual()) {
                var bundle = renamed.get(java.path("bundle").textValue());
                if (bundle != null) {
                    java.put("bundle", bundle);
                }
            }
        }
        for (var segment : document.path("segments")) {
            renameIn(segment.path("functions"), renamed);
        }
    }

    private static void renameIn(JsonNode names, Map<String, String> renamed) {
        if (names instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var now = array.get(i).isTextual() ? renamed.get(array.get(i).textValue()) : null;
                if (now != null) {
                    array.set(i, NODES.textNode(now));
                }
            }
        }
    }

    /** Drops the elements left out of each list and remembers where the others came from. */
    private JsonNode compact(JsonNode node, List<Object> path) {
        if (node instanceof ObjectNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (var name : names) {
                object.set(name, compact(object.get(name), append(path, name)));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            var result = NODES.arrayNode();
            var positions = new ArrayList<Integer>();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) != REMOVED) {
                    positions.add(i);
                    result.add(compact(array.get(i), append(path, i)));
                }
            }
            if (positions.size() < array.size()) {
                kept.put(path, positions);
            }
            return result;
        }
        return node;
    }

    // Paths

    /** A path in the readable document, as a path in the document as written. */
    private List<Object> original(List<Object> path) {
        var result = new ArrayList<>();
        for (var step : path) {
            if (step instanceof Integer index) {
                var positions = kept.get(result);
                result.add(positions != null && index < positions.size() ? positions.get(index) : index);
            } else {
                result.add(step);
            }
        }
        return result;
    }

    private boolean touchesLeftOut(List<Object> path) {
        for (var part : leftOut) {
            int common = Math.min(part.size(), path.size());
            if (part.subList(0, common).equals(path.subList(0, common))) {
                return true;
            }
        }
        return false;
    }

    /** {@code segments[1].workers} as its steps: "segments", 1, "workers". */
    static List<Object> steps(String path) {
        var steps = new ArrayList<>();
        if (path.equals("$") || path.isEmpty()) {
            return steps;
        }
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                steps.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }

    static String text(List<Object> steps) {
        var text = new StringBuilder();
        for (var step : steps) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step);
            }
        }
        return text.length() == 0 ? "$" : text.toString();
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        var node = root;
        for (var step : path) {
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node;
    }

    private static List<Object> append(List<Object> path, Object step) {
        var longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }
}
