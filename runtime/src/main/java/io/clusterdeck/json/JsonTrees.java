package io.clusterdeck.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator alone, as an {@code ObjectMapper}'s
 * {@code readTree} and {@code writeValueAsBytes} would (the same node types, numbers and text), without building a
 * mapper. A mapper costs a process about a tenth of a second and some 500 classes the first time it is used, and
 * what a worker reads and writes from its start to its calls (its config, function arguments and results) is
 * trees; the mappers load only when a process needs one.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The factory every streaming read and write of the product shares (it holds the parsers' symbol tables). */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** An empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * The object without its fields whose value is null, as a mapper writes a record marked to include non-null
     * values only (a nested object keeps its nulls).
     */
    public static ObjectNode withoutNulls(ObjectNode object) {
        var nulls = new ArrayList<String>();
        object.properties().forEach(field -> {
            if (field.getValue().isNull()) {
                nulls.add(field.getKey());
            }
        });
        return object.remove(nulls);
    }

    /**
     * The one JSON value of a text, {@code null} when it holds only white space; a {@link JsonParseException} with
     * its location when it is not JSON, and {@link MoreThanOneValue} when something follows the value.
     */
    public static JsonNode read(byte[] json) throws IOException {
        try (var parser = FACTORY.createParser(json)) {
            return read(parser, false);
        }
    }

    /** As {@link #read(byte[])}, from text; an object's key given twice keeps its last value. */
    public static JsonNode read(String json) throws IOException {
        try (var parser = FACTORY.createParser(json)) {
            return read(parser, false);
        }
    }

    /** As {@link #read(String)}, but a key given twice in one object throws {@link DuplicateKey}. */
    public static JsonNode readUniqueKeys(String json) throws IOException {
        try (var parser = FACTORY.createParser(json)) {
            return read(parser, true);
        }
    }

    private static JsonNode read(JsonParser parser, boolean uniqueKeys) throws IOException {
        var first = parser.nextToken();
        if (first == null) {
            return null;
        }
        var value = first.isStructStart() ? container(parser, first, uniqueKeys) : scalar(parser, first);
        if (parser.nextToken() != null) {
            throw new MoreThanOneValue(parser);
        }
        return value;
    }

    /** Builds a container without recursion: a hostile body nested a thousand deep needs no deep stack. */
    private static JsonNode container(JsonParser parser, JsonToken first, boolean uniqueKeys) throws IOException {
        var open = new ArrayDeque<ContainerNode<?>>();
        var root = empty(first);
        open.push(root);
        while (!open.isEmpty()) {
            var token = parser.nextToken();
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            String name = null;
            if (token == JsonToken.FIELD_NAME) {
                name = parser.currentName();
                token = parser.nextToken();
            }
            var node = token.isStructStart() ? empty(token) : scalar(parser, token);
            if (open.peek() instanceof ObjectNode object) {
                if (object.replace(name, node) != null && uniqueKeys) {
                    throw new DuplicateKey(parser, name);
                }
            } else {
                ((ArrayNode) open.peek()).add(node);
            }
            if (node instanceof ContainerNode<?> child) {
                open.push(child);
            }
        }
        return root;
    }

    private static ContainerNode<?> empty(JsonToken start) {
        return start == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                    ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    /** A tree as compact JSON, as a default {@code ObjectMapper} writes it. */
    public static byte[] bytes(JsonNode tree) {
        var out = new ByteArrayOutputStream(128);
        try (var generator = FACTORY.createGenerator(out)) {
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tree as compact text: what {@link #bytes} writes, as a string. */
    public static String text(JsonNode tree) {
        return text(tree, null);
    }

    /** A tree as text, laid out by the given printer (compact when it is null). */
    static String text(JsonNode tree, PrettyPrinter printer) {
        var out = new StringWriter();
        try (var generator = FACTORY.createGenerator(out)) {
            if (printer != null) {
                generator.setPrettyPrinter(printer);
            }
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (var element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> writeNumber(generator, node);
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NULL, MISSING -> generator.writeNull();
            case POJO -> throw new IllegalArgumentException("a tree holding a Java object needs a mapper to write it");
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
            default -> generator.writeNumber(node.doubleValue());
        }
    }

    /** Text as a JSON string literal, quotes included. */
    public static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** A key given twice in one object, where keys must be unique. */
    public static final class DuplicateKey extends JsonParseException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(JsonParser parser, String name) {
            super(parser, "duplicate key '" + name + "'", parser.currentTokenLocation());
        }
    }

    /** More follows the first JSON value of a text; located at the start of what follows. */
    public static final class MoreThanOneValue extends JsonParseException {
        private static final long serialVersionUID = 1L;

        MoreThanOneValue(JsonParser parser) {
            super(parser, "more follows the first JSON value", parser.currentTokenLocation());
        }
    }
}
