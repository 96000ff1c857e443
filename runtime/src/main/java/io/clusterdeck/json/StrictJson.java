package io.clusterdeck.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads JSON documents into validated records, reporting every problem with line, column and path, and writes
 * records back as stable, pretty JSON (two-space indent, {@code "key": value}, LF line ends, final newline).
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** Built at its first use: reading a document needs no mapper, so a process that only reads never builds one. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addModule(instantsAndDurations())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        static final ObjectWriter WRITER = MAPPER.writer(PRINTER);
    }

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    /**
     * Instants and durations as ISO-8601 text, the only times the product writes: what the whole java.time module
     * would do for them, without loading it in every process.
     */
    private static SimpleModule instantsAndDurations() {
        var module = new SimpleModule("instants-and-durations");
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addSerializer(Duration.class, ToStringSerializer.instance);
        module.addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
            @Override
            protected Instant _deserialize(String value, DeserializationContext context) {
                return Instant.parse(value);
            }
        });
        module.addDeserializer(Duration.class, new FromStringDeserializer<>(Duration.class) {
            @Override
            protected Duration _deserialize(String value, DeserializationContext context) {
                return Duration.parse(value);
            }
        });
        return module;
    }

    /**
     * The mapper for the product's documents (designs, plans, configs, profiles, reports): keys sorted, no nulls,
     * instants and durations as ISO text. It is not the only one: the services' request and response bodies use
     * {@code service.Json}, function arguments {@code bundle.FunctionJson}, exports {@code export.Yaml}.
     */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }

    /** Reads a whole document as one type. */
    public static <T> Parsed<T> read(String text, String source, Class<T> type) {
        return read(text, source, tree -> {
            var binder = new RecordBinder();
            @SuppressWarnings("unchecked")
            T value = (T) binder.bind(tree, type, Paths.ROOT);
            return new Parsed<>(Optional.ofNullable(value), binder.problems());
        });
    }

    /**
     * Reads a document with a custom binding step, which sees the tree and returns a value and problems located
     * only by path; this method places them in the text.
     */
    public static <T> Parsed<T> read(String text, String source, Function<JsonNode, Parsed<T>> binding) {
        // Where values and keys start is only needed to place problems: a document without any is read in one pass
        // (every process reads its config at start); one with duplicate keys or other problems is indexed as well.
        JsonLocations locations = null;
        JsonNode tree;
        try {
            try {
                tree = JsonTrees.readUniqueKeys(text);
            } catch (JsonTrees.DuplicateKey e) {
                locations = JsonLocations.index(text);
                tree = JsonTrees.read(text);
            }
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            var message = e instanceof JsonTrees.MoreThanOneValue
                    ? "more follows the first JSON value; a file holds exactly one" : e.getOriginalMessage();
            return new Parsed<>(Optional.empty(), List.of(new Problem(source,
                    location == null ? 0 : location.getLineNr(), location == null ? 0 : location.getColumnNr(),
                    Paths.ROOT, "malformed JSON: " + message)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null) {
            return new Parsed<>(Optional.empty(), List.of(new Problem(source, 1, 1, Paths.ROOT, "the file is empty")));
        }
        Parsed<T> bound = binding.apply(tree);
        if (locations == null && bound.problems().isEmpty()) {
            return new Parsed<>(bound.value(), List.of());
        }
        return located(bound, locations == null ? index(text) : locations, source);
    }

    private static JsonLocations index(String text) {
        try {
            return JsonLocations.index(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Parsed<T> located(Parsed<T> bound, JsonLocations locations, String source) {
        var problems = new ArrayList<Problem>();
        for (var duplicate : locations.duplicates()) {
            problems.add(duplicate.locatedIn(source, duplicate.line(), duplicate.column()));
        }
        for (var problem : bound.problems()) {
            var position = problem.message().startsWith("unknown key")
                    ? locations.keyAt(problem.path()) : locations.valueAt(problem.path());
            problems.add(problem.locatedIn(source, position.line(), position.column()));
        }
        if (problems.size() > 1) {
            // Only then: the comparator's lambdas are spun at run time (3-7 ms).
            problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        }
        return new Parsed<>(problems.isEmpty() || bound.value().isPresent() ? bound.value() : Optional.empty(), problems);
    }

    /** Binds part of a tree; problems are located only by path (for use inside a custom binding). */
    public static Parsed<Object> bind(JsonNode node, Type type, String path) {
        var binder = new RecordBinder();
        Object value = binder.bind(node, type, path);
        return new Parsed<>(Optional.ofNullable(value), binder.problems());
    }

    /** As {@link #bind(JsonNode, Type, String)}, to a class. */
    public static <T> Parsed<T> bind(JsonNode node, Class<T> type, String path) {
        var bound = bind(node, (Type) type, path);
        return new Parsed<>(bound.value().map(type::cast), bound.problems());
    }

    /** Writes a value as pretty, stable JSON with a final newline; a tree is written without building the mapper. */
    public static String write(Object value) {
        if (value instanceof JsonNode tree) {
            return JsonTrees.text(tree, PRINTER.createInstance()) + "\n";
        }
        try {
            return Mapper.WRITER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
