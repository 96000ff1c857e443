package io.clusterdeck.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The shipped JSON Schema of the design format, checked by an independent validator. */
final class DesignSchema {
    static final Path FILE = Path.of("..", "designs", "design.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DesignSchema() {
    }

    static JsonNode tree() {
        try {
            return MAPPER.readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> errors(String designText) {
        JsonNode document;
        try {
            document = MAPPER.readTree(designText);
        } catch (JsonProcessingException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree());
        return schema.validate(document).stream().map(ValidationMessage::getMessage).toList();
    }
}
