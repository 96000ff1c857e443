package io.clusterdeck.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The services' compact JSON for request and response bodies, with strict reading of request bodies. Documents
 * the product writes to files are {@code json.StrictJson}'s. Trees (function arguments and results) are read and
 * written without a mapper ({@link JsonTrees}); the mapper is built when a body is first bound to a record.
 */
public final class Json {
    private static final String NOT_AN_OBJECT = "expected a JSON object of named arguments, got ";
    private static final String MORE_THAN_ONE_VALUE = "malformed JSON: more than one value in the body";

    private Json() {
    }

    /** Built at its first use: a worker that only reads and writes trees never builds it. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    public static ObjectNode object() {
        return JsonTrees.object();
    }

    /** A body's JSON value as a tree, the missing node when the body is empty; an exception when it is not JSON. */
    public static JsonNode tree(byte[] body) throws IOException {
        var tree = JsonTrees.read(body);
        return tree == null ? MissingNode.getInstance() : tree;
    }

    /** A request body that must be one JSON object; an empty body is an empty object. */
    public static ObjectNode requestObject(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = JsonTrees.read(body);
        } catch (JsonTrees.MoreThanOneValue e) {
            throw ServiceException.badRequest(MORE_THAN_ONE_VALUE);
        } catch (IOException e) {
            throw ServiceException.badRequest("malformed JSON: " + firstLine(e.getMessage()));
        }
        if (node == null) {
            return object();
        }
        if (!node.isObject()) {
            throw ServiceException.badRequest(NOT_AN_OBJECT + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return (ObjectNode) node;
    }

    /**
     * A request body read as the given message (an empty body is an empty object); a 400 that names the field when
     * the body is not one.
     */
    public static <T> T request(byte[] body, Class<T> type) {
        var object = requestObject(body);
        if (type.isInstance(object)) {
            return type.cast(object);
        }
        try {
            return mapper().treeToValue(object, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw ServiceException.badRequest("unknown field '" + e.getPropertyName() + "'");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            var path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            throw ServiceException.badRequest("'" + path + "' has the wrong type");
        } catch (IOException | IllegalArgumentException e) {
            throw ServiceException.badRequest("not a valid request: " + firstLine(e.getMessage()));
        }
    }

    /**
     * Checks, without building it, that a request body is one JSON object (or empty), as {@link #requestObject}
     * would accept it; a 400 otherwise.
     */
    public static void checkObject(byte[] body) {
        if (body.length == 0) {
            return;
        }
        try (var parser = JsonTrees.factory().createParser(body)) {
            var first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != JsonToken.START_OBJECT) {
                throw ServiceException.badRequest(NOT_AN_OBJECT + kind(first));
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw ServiceException.badRequest(MORE_THAN_ONE_VALUE);
            }
        } catch (IOException e) {
            throw ServiceException.badRequest("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    /** A value as compact JSON: a tree without the mapper, anything else with it. */
    public static byte[] bytes(Object value) {
        if (value instanceof JsonNode tree) {
            return JsonTrees.bytes(tree);
        }
        try {
            return mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kind of value a token starts, as a tree's node type names it. */
    private static String kind(JsonToken first) {
        return switch (first) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> first.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
