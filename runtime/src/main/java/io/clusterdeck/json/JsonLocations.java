package io.clusterdeck.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each value and each key of a JSON text starts, by JSON path, and the duplicate keys it holds.
 * Jackson's tree forgets positions; this one pass over the tokens keeps them for error messages.
 */
final class JsonLocations {
    record Position(int line, int column) {
    }

    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private final List<Problem> duplicates = new ArrayList<>();

    private JsonLocations() {
    }

    /** Indexes the text; throws Jackson's own exception, with its location, when the text is not JSON. */
    static JsonLocations index(String text) throws IOException {
        var index = new JsonLocations();
        try (JsonParser parser = JsonTrees.factory().createParser(text)) {
            index.walk(parser);
        }
        return index;
    }

    private void walk(JsonParser parser) throws IOException {
        Deque<Frame> frames = new ArrayDeque<>();
        String path = "$";
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME) {
                var frame = frames.peek();
                String name = parser.currentName();
                String child = Paths.child(frame.path, name);
                if (!frame.seen.add(name)) {
                    duplicates.add(at(parser.currentTokenLocation(), child, "duplicate key '" + name + "'"));
                }
                keys.put(child, position(parser.currentTokenLocation()));
                frame.pending = child;
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                frames.pop();
                continue;
            }
            var frame = frames.peek();
            String here = frame == null ? path : frame.nextPath();
            values.putIfAbsent(here, position(parser.currentTokenLocation()));
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                frames.push(new Frame(here, token == JsonToken.START_ARRAY));
            }
        }
    }

    /** The position of the value at a path, or of its nearest enclosing value. */
    Position valueAt(String path) {
        for (String p = path; p != null; p = Paths.parent(p)) {
            var position = values.get(p);
            if (position != null) {
                return position;
            }
        }
        return new Position(1, 1);
    }

    /** The position of the key that names the value at a path, or of the value when it has no key. */
    Position keyAt(String path) {
        var position = keys.get(path);
        return position != null ? position : valueAt(path);
    }

    List<Problem> duplicates() {
        return duplicates;
    }

    private static Position position(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }

    private static Problem at(JsonLocation location, String path, String message) {
        return new Problem("", location.getLineNr(), location.getColumnNr(), path, message);
    }

    private static final class Frame {
        final String path;
        final boolean array;
        final Set<String> seen = new HashSet<>();
        String pending;
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }

        String nextPath() {
            return array ? Paths.index(path, index++) : pending;
        }
    }
}
