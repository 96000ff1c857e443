package io.clusterdeck.app.designer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text a design is saved as, keeping what the user wrote. A value the user left out is written only when it
 * differs from what a reader assumes without it; keys keep the user's order; an object or list the user wrote on
 * one line stays on one line; a number or string that did not change keeps its spelling. So an edit changes the
 * lines it concerns and no others. Without a previous text, the same house style applies: defaults left out, small
 * objects and lists of plain values on one line.
 */
final class DesignText {
    private static final int LINE = 120;

    private final Map<String, Boolean> inline = new HashMap<>();
    private final Map<String, List<String>> keyOrder = new HashMap<>();
    private final Map<String, String> spelling = new HashMap<>();

    private DesignText() {
    }

    /** The design as text, shaped after {@code previous} (the file it was read from or last saved as), or null. */
    static String of(Design design, String previous) {
        if (previous != null && DesignFiles.parse(previous, "saved.json").value().filter(design::equals).isPresent()) {
            return previous; // nothing changed: not even a blank line of the user's moves
        }
        var shape = new DesignText();
        JsonNode before = null;
        if (previous != null) {
            try {
                before = StrictJson.mapper().readTree(previous);
                shape.read(previous);
            } catch (IOException | RuntimeException e) {
                before = null;
            }
        }
        ObjectNode tree = StrictJson.mapper().valueToTree(design);
        leaveOutDefaults(design, tree, before == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : before);
        var text = new StringBuilder();
        shape.write(tree, "", "", text);
        text.append('\n');
        // The text must read back as this very design; were it ever not so, the plain form is the safe one.
        var again = DesignFiles.parse(text.toString(), "saved.json").value();
        return again.isPresent() && again.get().equals(design) ? text.toString() : DesignFiles.toJson(design);
    }

    // Leaving out what the reader assumes

    private static void leaveOutDefaults(Object value, ObjectNode node, JsonNode written) {
        if (!(value instanceof Record)) {
            return;
        }
        var components = value.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            var key = jsonName(components[i]);
            var child = node.get(key);
            if (child == null) {
                continue;
            }
            Object part = read(value, components[i]);
            if (!written.has(key) && assumed(value, components, i)) {
                node.remove(key);
                continue;
            }
            var writtenPart = written.path(key);
            if (part instanceof Record && child instanceof ObjectNode object) {
                leaveOutDefaults(part, object, writtenPart);
            } else if (part instanceof List<?> list && child instanceof ArrayNode array) {
                for (int j = 0; j < list.size() && j < array.size(); j++) {
                    if (array.get(j) instanceof ObjectNode element) {
                        leaveOutDefaults(list.get(j), element, writtenPart.path(j));
                    }
                }
            } else if (part instanceof Map<?, ?> map && child instanceof ObjectNode object) {
                map.forEach((k, v) -> {
                    if (object.get(String.valueOf(k)) instanceof ObjectNode element) {
                        leaveOutDefaults(v, element, writtenPart.path(String.valueOf(k)));
                    }
                });
            }
        }
    }

    /** Whether the record, built again without component {@code index}, has the same value there. */
    private static boolean assumed(Object record, RecordComponent[] components, int index) {
        if (components[index].getType().isPrimitive()) {
            return false;
        }
        var args = new Object[components.length];
        var types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = i == index ? null : read(record, components[i]);
            types[i] = components[i].getType();
        }
        try {
            var constructor = record.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true);
            var rebuilt = constructor.newInstance(args);
            return java.util.Objects.equals(read(rebuilt, components[index]), read(record, components[index]));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Object read(Object record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String jsonName(RecordComponent component) {
        var property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    // What the previous text looked like

    private void read(String text) throws IOException {
        try (JsonParser parser = StrictJson.mapper().getFactory().createParser(text)) {
            var paths = new ArrayList<String>();
            var lines = new ArrayList<Integer>();
            var indexes = new ArrayList<int[]>();
            String key = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    key = parser.currentName();
                    keyOrder.computeIfAbsent(paths.get(paths.size() - 1), p -> new ArrayList<>()).add(key);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    int last = paths.size() - 1;
                    inline.put(paths.get(last), lines.get(last) == parser.currentLocation().getLineNr());
                    paths.remove(last);
                    lines.remove(last);
                    indexes.remove(last);
                    continue;
                }
                String path = child(paths, indexes, key);
                key = null;
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    paths.add(path);
                    lines.add(parser.currentTokenLocation().getLineNr());
                    indexes.add(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
                } else {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    int end = (int) parser.currentLocation().getCharOffset();
                    spelling.put(path, text.substring(start, end));
                }
            }
        }
    }

    private static String child(List<String> paths, List<int[]> indexes, String key) {
        if (paths.isEmpty()) {
            return "";
        }
        var parent = paths.get(paths.size() - 1);
        var index = indexes.get(indexes.size() - 1);
        if (index[0] >= 0) {
            return parent + "/" + index[0]++;
        }
        return parent + "/" + key;
    }

    // Writing

    private void write(JsonNode node, String path, String indent, StringBuilder out) {
        if (node.isObject()) {
            var keys = ordered(node, path);
            if (keys.isEmpty()) {
                out.append("{}");
            } else if (oneLine(node, path, indent)) {
                out.append(flat(node, path));
            } else {
                out.append("{\n");
                for (int i = 0; i < keys.size(); i++) {
                    out.append(indent).append("  ").append(quote(keys.get(i))).append(": ");
                    write(node.get(keys.get(i)), path + "/" + keys.get(i), indent + "  ", out);
                    out.append(i < keys.size() - 1 ? ",\n" : "\n");
                }
                out.append(indent).append('}');
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
            } else if (oneLine(node, path, indent)) {
                out.append(flat(node, path));
            } else {
                out.append("[\n");
                for (int i = 0; i < node.size(); i++) {
                    out.append(indent).append("  ");
                    write(node.get(i), path + "/" + i, indent + "  ", out);
                    out.append(i < node.size() - 1 ? ",\n" : "\n");
                }
                out.append(indent).append(']');
            }
        } else {
            out.append(scalar(node, path));
        }
    }

    /**
     * On one line as the user had it; a new element of a list as the first one of that list; anything else new
     * when it is small, plain and fits the line.
     */
    private boolean oneLine(JsonNode node, String path, String indent) {
        var before = inline.get(path);
        if (before == null) {
            before = inline.get(path.replaceAll("/\\d+(?=/|$)", "/0"));
        }
        if (before != null) {
            return before;
        }
        if (path.isEmpty() || !plain(node, 0)) {
            return false;
        }
        return indent.length() + 24 + flat(node, path).length() <= LINE;
    }

    /** Plain: scalars, and objects or lists of them, at most two levels deep. */
    private static boolean plain(JsonNode node, int depth) {
        if (node.isValueNode()) {
            return true;
        }
        if (depth >= 2) {
            return false;
        }
        for (var child : node) {
            if (!plain(child, depth + 1) || node.isArray() && child.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private String flat(JsonNode node, String path) {
        if (node.isObject()) {
            var parts = new ArrayList<String>();
            for (var key : ordered(node, path)) {
                parts.add(quote(key) + ": " + flat(node.get(key), path + "/" + key));
            }
            return parts.isEmpty() ? "{}" : "{ " + String.join(", ", parts) + " }";
        }
        if (node.isArray()) {
            var parts = new ArrayList<String>();
            for (int i = 0; i < node.size(); i++) {
                parts.add(flat(node.get(i), path + "/" + i));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return scalar(node, path);
    }

    /** The user's keys in the user's order, then any new ones in the design's order. */
    private List<String> ordered(JsonNode node, String path) {
        var keys = new LinkedHashMap<String, Boolean>();
        for (var key : keyOrder.getOrDefault(path, List.of())) {
            if (node.has(key)) {
                keys.put(key, true);
            }
        }
        node.fieldNames().forEachRemaining(key -> keys.putIfAbsent(key, true));
        return new ArrayList<>(keys.keySet());
    }

    private String scalar(JsonNode node, String path) {
        var before = spelling.get(path);
        if (before != null) {
            try {
                if (StrictJson.mapper().readTree(before).equals(node) || sameNumber(before, node)) {
                    return before;
                }
            } catch (JsonProcessingException e) {
                // not a value on its own: written afresh below
            }
        }
        if (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 1e15) {
            return Long.toString((long) node.doubleValue());
        }
        try {
            return StrictJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameNumber(String spelled, JsonNode node) {
        if (!node.isNumber()) {
            return false;
        }
        try {
            return Double.parseDouble(spelled) == node.doubleValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String quote(String key) {
        try {
            return StrictJson.mapper().writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
