package io.clusterdeck.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordTreesTest {
    enum Colour {
        DARK_RED, LIGHT_BLUE;

        @JsonValue
        public String json() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    enum Plain { ONE, TWO }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
        @JsonSubTypes.Type(value = Label.class, name = "label")})
    sealed interface Shape permits Circle, Label {
        @JsonIgnore
        default String describe() {
            return "a shape";
        }
    }

    record Circle(double radius, Colour colour, Plain plain, @JsonProperty("class") String className,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags, Map<String, Integer> counts,
                  Instant made, Duration kept, Long missing, List<Object> mixed) implements Shape {
    }

    record Label(String text, int size, long big, boolean bold, List<Circle> around,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) String note) implements Shape {
    }

    @Test
    void writesWhatTheDocumentsMapperWritesForEveryShapeItCovers() {
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("zeta", 3);
        counts.put("alpha", 1);
        counts.put("gone", null);
        var circle = new Circle(2.5, Colour.DARK_RED, Plain.TWO, "x.Y", List.of(), counts,
                Instant.parse("2026-12-01T06:00:00.125Z"), Duration.ofMillis(1500), null,
                Arrays.asList("text", 1, null, 2.0, true));
        var tagged = new Circle(1, Colour.LIGHT_BLUE, Plain.ONE, null, List.of("a", "b"), Map.of(), null, null, 7L,
                List.of());
        var label = new Label("say \"hi\"", 12, 1L << 40, true, List.of(circle, tagged), "");

        for (Object value : List.of(circle, tagged, label)) {
            assertThat(StrictJson.write(RecordTrees.tree(value))).isEqualTo(StrictJson.write(value));
        }
    }

    @Test
    void aTypeItDoesNotCoverIsRefusedByName() {
        assertThatThrownBy(() -> RecordTrees.tree(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }
}
