package io.clusterdeck.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The services' compact JSON for request and response bodies, with strict reading of request bodies. Documents
 * the product writes to files are {@code json.StrictJson}'s.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A request body that must be one JSON object; an empty body is an empty object. */
    public static ObjectNode requestObject(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ServiceException.badRequest("malformed JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!node.isObject()) {
            throw ServiceException.badRequest("expected a JSON object of named arguments, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
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
            return MAPPER.treeToValue(object, type);
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
        try (var parser = MAPPER.getFactory().createParser(body)) {
            var first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw ServiceException.badRequest("expected a JSON object of named arguments, got "
                        + MAPPER.<com.fasterxml.jackson.databind.JsonNode>readTree(parser).getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw ServiceException.badRequest("malformed JSON: more than one value in the body");
            }
        } catch (IOException e) {
            throw ServiceException.badRequest("malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
