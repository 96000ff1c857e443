package io.clusterdeck.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Checks Compose files against the Compose Specification's own JSON Schema (a test resource, with its NOTICE). */
final class ComposeSchema {
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(SchemaLocation.of("classpath:compose/compose-spec.json"));
    private static final YAMLMapper YAML = new YAMLMapper();

    private ComposeSchema() {
    }

    /** Every way a Compose file's text breaks the specification; empty when it conforms. */
    static List<String> problems(String composeYaml) {
        return SCHEMA.validate(read(composeYaml)).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
