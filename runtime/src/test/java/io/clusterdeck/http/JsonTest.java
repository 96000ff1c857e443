package io.clusterdeck.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request body is read as one JSON object, and refused with the same words whether it is read or only checked. */
class JsonTest {
    @Test
    void aBodyIsReadAsItsObjectAndAnEmptyBodyAsAnEmptyObject() {
        assertThat(Json.requestObject(bytes("{\"n\": 3}")).path("n").intValue()).isEqualTo(3);
        assertThat(Json.requestObject(new byte[0]).isEmpty()).isTrue();
        assertThat(Json.requestObject(bytes("  \n")).isEmpty()).isTrue();
    }

    @Test
    void aBodyWithASecondValueIsRefusedWhetherReadOrChecked() {
        var body = bytes("{\"n\": 3} {\"n\": 4}");

        assertThatThrownBy(() -> Json.requestObject(body)).isInstanceOf(ServiceException.class)
                .hasMessage("malformed JSON: more than one value in the body");
        assertThatThrownBy(() -> Json.checkObject(body)).isInstanceOf(ServiceException.class)
                .hasMessage("malformed JSON: more than one value in the body");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedNamingWhatItIsWhetherReadOrChecked() {
        for (var kind : new String[][] {{"[1]", "array"}, {"\"x\"", "string"}, {"4.5", "number"}, {"true", "boolean"},
                {"null", "null"}}) {
            var expected = "expected a JSON object of named arguments, got " + kind[1];

            assertThatThrownBy(() -> Json.requestObject(bytes(kind[0]))).hasMessage(expected);
            assertThatThrownBy(() -> Json.checkObject(bytes(kind[0]))).hasMessage(expected);
        }
    }

    @Test
    void malformedJsonIsRefusedWithTheParsersFirstLine() {
        assertThatThrownBy(() -> Json.requestObject(bytes("{\"n\": }")))
                .isInstanceOf(ServiceException.class).hasMessageStartingWith("malformed JSON: Unexpected character ('}'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aTreeIsWrittenWithoutTheMapperAsTheMapperWritesIt() throws Exception {
        var tree = Json.object().put("function", "a/b").put("n", 3);
        tree.putArray("list").add(1.5).addNull();

        assertThat(new String(Json.bytes(tree), StandardCharsets.UTF_8)).isEqualTo(Json.mapper().writeValueAsString(tree));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
