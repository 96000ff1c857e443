package io.clusterdeck.design;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the shipped JSON Schema and the design model in agreement, so editors and the tool never disagree. */
class DesignSchemaTest {
    private final JsonNode schema = DesignSchema.tree();

    @Test
    void everyRecordOfTheModelHasASchemaDefinitionWithTheSameKeys() {
        for (Class<?> type : modelRecords()) {
            var properties = type == Design.class ? schema.get("properties") : definition(type).get("properties");
            assertThat(fieldNames(properties)).as(type.getSimpleName()).containsExactlyElementsOf(jsonNames(type));
        }
    }

    @Test
    void everyRecordDefinitionRejectsUnknownKeys() {
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        for (Class<?> type : modelRecords()) {
            if (type != Design.class && type != WorkerCount.class) {
                assertThat(definition(type).get("additionalProperties").asBoolean(true)).as(type.getSimpleName()).isFalse();
            }
        }
    }

    @Test
    void schemaEnumsListExactlyTheValuesTheModelAccepts() {
        for (var type : List.of(Access.class, Balancing.class, Restart.class, Mode.class, Distribution.class)) {
            var values = new ArrayList<String>();
            definition(type).get("enum").forEach(v -> values.add(v.asText()));
            assertThat(values).as(type.getSimpleName()).containsExactlyElementsOf(Names.values(type));
        }
    }

    @ParameterizedTest
    @MethodSource("exampleDesigns")
    void everyExampleDesignIsValidAgainstTheSchemaAndTheModel(Path file) throws IOException {
        assertThat(DesignSchema.errors(Files.readString(file))).isEmpty();
        assertThat(DesignFiles.load(file).problems()).isEmpty();
    }

    static Stream<Path> exampleDesigns() {
        return ExampleDesignFiles.all().stream();
    }

    private JsonNode definition(Class<?> type) {
        var definition = schema.get("definitions").get(type.getSimpleName());
        assertThat(definition).as("schema definition of " + type.getSimpleName()).isNotNull();
        return definition;
    }

    private static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> jsonNames(Class<?> type) {
        var names = new ArrayList<String>();
        for (RecordComponent component : type.getRecordComponents()) {
            var property = component.getAccessor().getAnnotation(JsonProperty.class);
            names.add(property != null ? property.value() : component.getName());
        }
        return names;
    }

    /** Every record reachable from {@link Design} that is written as a JSON object. */
    private static Set<Class<?>> modelRecords() {
        var found = new LinkedHashSet<Class<?>>();
        collect(Design.class, found);
        found.remove(WorkerCount.class);
        return found;
    }

    private static void collect(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            for (var argument : parameterized.getActualTypeArguments()) {
                collect(argument, found);
            }
        } else if (type instanceof Class<?> cls && cls.isRecord() && found.add(cls)) {
            for (var component : cls.getRecordComponents()) {
                collect(component.getGenericType(), found);
            }
        } else if (type == Map.class) {
            throw new IllegalStateException("raw map in the model");
        }
    }
}
