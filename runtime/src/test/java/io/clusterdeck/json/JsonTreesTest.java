package io.clusterdeck.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Trees read and written without a mapper are the trees and bytes a mapper reads and writes. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TEXTS = List.of(
            "{}", "[]", "0", "-7", "\"\"", "true", "null",
            "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\\n\\u00e9\\\"\\\\\",\"f\":[]}}",
            "[2147483647,2147483648,9223372036854775807,9223372036854775808,-9223372036854775809]",
            "[0.5,-1.25e-7,1e308,1.0,3.141592653589793,12345678901234567890.5]",
            "{\"same\":1,\"same\":2}",
            " \n {\"spaced\" : [ 1 , { } ] } \n ");

    @Test
    void readsTheTreesAMapperReads() throws Exception {
        for (var text : TEXTS) {
            JsonNode read = JsonTrees.read(text);

            assertThat(read).as(text).isEqualTo(MAPPER.readTree(text));
            assertThat(JsonTrees.read(text.getBytes(StandardCharsets.UTF_8))).as(text).isEqualTo(read);
        }
    }

    @Test
    void writesTheBytesAMapperWrites() throws Exception {
        for (var text : TEXTS) {
            var tree = MAPPER.readTree(text);

            assertThat(new String(JsonTrees.bytes(tree), StandardCharsets.UTF_8)).as(text)
                    .isEqualTo(MAPPER.writeValueAsString(tree));
        }
    }

    @Test
    void aTextOfWhiteSpaceHoldsNoValue() throws Exception {
        assertThat(JsonTrees.read(" \n\t ")).isNull();
        assertThat(JsonTrees.read(new byte[0])).isNull();
    }

    @Test
    void aSecondValueIsRefusedWhereItStarts() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":1}\n  [2]"))
                .isInstanceOfSatisfying(JsonTrees.MoreThanOneValue.class, e -> {
                    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
                    assertThat(e.getLocation().getColumnNr()).isEqualTo(3);
                });
    }

    @Test
    void aKeyGivenTwiceKeepsItsLastValueOrIsRefusedWhereKeysMustBeUnique() throws Exception {
        var text = "{\"a\": {\"b\": 1,\n  \"b\": 2}}";

        assertThat(JsonTrees.read(text)).isEqualTo(MAPPER.readTree(text));
        assertThat(JsonTrees.readUniqueKeys("{\"a\": {\"b\": 1, \"c\": {\"b\": 2}}}"))
                .isEqualTo(MAPPER.readTree("{\"a\": {\"b\": 1, \"c\": {\"b\": 2}}}"));
        assertThatThrownBy(() -> JsonTrees.readUniqueKeys(text))
                .isInstanceOfSatisfying(JsonTrees.DuplicateKey.class, e -> {
                    assertThat(e.getOriginalMessage()).isEqualTo("duplicate key 'b'");
                    assertThat(e.getLocation().getLineNr()).isEqualTo(2);
                });
    }

    @Test
    void malformedTextIsRefusedWithTheParsersMessageAndLocation() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":\n tru}"))
                .isInstanceOf(JsonParseException.class).isNotInstanceOf(JsonTrees.MoreThanOneValue.class)
                .hasMessageContaining("Unrecognized token 'tru'")
                .satisfies(e -> assertThat(((JsonParseException) e).getLocation().getLineNr()).isEqualTo(2));
        assertThatThrownBy(() -> JsonTrees.read("[1, {\"a\": [2")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void readsAValueNestedAsDeepAsTheParserAllowsOnASmallStack() throws Exception {
        int depth = 999;
        var text = "[".repeat(depth) + "1" + "]".repeat(depth);
        var read = new CompletableFuture<JsonNode>();
        var reader = new Thread(null, () -> {
            try {
                read.complete(JsonTrees.read(text));
            } catch (Throwable e) {
                read.completeExceptionally(e);
            }
        }, "small-stack", 64 * 1024);
        reader.start();
        reader.join();

        JsonNode node = read.get();
        for (int i = 0; i < depth; i++) {
            assertThat(node.isArray()).isTrue();
            node = node.get(0);
        }
        assertThat(node.intValue()).isEqualTo(1);
    }

    @Test
    void anObjectWithoutNullsLosesItsNullFieldsButNotThoseOfWhatItHolds() throws Exception {
        var object = (ObjectNode) JsonTrees.read("{\"a\":null,\"b\":1,\"c\":{\"d\":null},\"e\":null}");

        assertThat(new String(JsonTrees.bytes(JsonTrees.withoutNulls(object)), StandardCharsets.UTF_8))
                .isEqualTo("{\"b\":1,\"c\":{\"d\":null}}");
    }

    @Test
    void quotesTextAsTheGeneratorWritesAString() throws Exception {
        var text = "a \"b\" \\ c\n\u0001 é";

        assertThat(JsonTrees.quoted(text)).isEqualTo(MAPPER.writeValueAsString(text));
    }
}
