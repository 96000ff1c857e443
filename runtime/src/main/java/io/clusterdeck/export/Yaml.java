package io.clusterdeck.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;

/**
 * Writes trees as YAML that reads back as exactly the same values: keys in the order they were put, strings that
 * look like numbers or booleans quoted ({@code "no"}, {@code "7400"}), multi-line strings as literal blocks.
 */
final class Yaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private Yaml() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array(String... values) {
        var array = JsonNodeFactory.instance.arrayNode();
        for (var value : values) {
            array.add(value);
        }
        return array;
    }

    static ArrayNode array(List<String> values) {
        return array(values.toArray(String[]::new));
    }

    /** One document. */
    static String write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /** Several documents in one file, each introduced by {@code ---}. */
    static String documents(List<? extends JsonNode> trees) {
        var out = new StringBuilder();
        for (var tree : trees) {
            out.append("---\n").append(write(tree));
        }
        return out.toString();
    }
}
