package io.clusterdeck.design;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.json.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each broken design is reported with the exact message, line and column. The designs are small on purpose:
 * one mistake each, so the expected position is easy to check by eye.
 */
class BrokenDesignsTest {
    private static final String FUNCTION = "{ \"name\": \"a/run\", \"simulate\": {} }";
    private static final String SEGMENT = "{ \"name\": \"main\", \"functions\": [\"a/run\"] }";

    static Stream<Arguments> brokenDesigns() {
        return Stream.of(
                broken("malformed JSON",
                        "{\n  \"version\": 1,\n  \"name\": \"x\"\n  \"functions\": []\n}",
                        "broken.json:4:3: $: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                        "not JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"),
                broken("not an object",
                        "[1, 2]",
                        "broken.json:1:1: $: a design is a JSON object, not a list",
                        "$: array found, object expected"),
                broken("empty file",
                        "",
                        "broken.json:1:1: $: the file is empty",
                        "$: unknown found, object expected"),
                broken("unknown top-level key with a suggestion",
                        design("\"segmnts\": []"),
                        "broken.json:5:3: segmnts: unknown key 'segmnts'; did you mean 'segments'?",
                        "$: property 'segmnts' is not defined in the schema and the schema does not allow additional properties"),
                broken("unknown key inside a segment",
                        designWith("[" + FUNCTION + "]", "[{ \"name\": \"main\", \"functions\": [\"a/run\"], \"cpu\": 2 }]"),
                        "broken.json:5:58: segments[0].cpu: unknown key 'cpu'; expected one of name, description, functions, workers, balancing, restart, jvm, weights, autoscale",
                        "$.segments[0]: property 'cpu' is not defined in the schema and the schema does not allow additional properties"),
                broken("missing version",
                        "{\n  \"name\": \"x\",\n  \"functions\": [" + FUNCTION + "],\n  \"segments\": [" + SEGMENT + "]\n}",
                        "broken.json:1:1: version: is required",
                        "$: required property 'version' not found"),
                broken("unsupported version",
                        "{\n  \"version\": 2,\n  \"name\": \"x\",\n  \"functions\": [" + FUNCTION + "],\n  \"segments\": [" + SEGMENT + "]\n}",
                        "broken.json:2:14: version: unsupported format version 2; this Clusterdeck reads version 1",
                        "$.version: must be the constant value '1'"),
                broken("bad design name",
                        "{\n  \"version\": 1,\n  \"name\": \"Web Shop\",\n  \"functions\": [" + FUNCTION + "],\n  \"segments\": [" + SEGMENT + "]\n}",
                        "broken.json:3:11: name: 'Web Shop' is not a valid name: use lower-case letters, digits and '-', starting with a letter, at most 40 characters",
                        "$.name: does not match the regex pattern ^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$"),
                crossReference("function in no segment",
                        designWith("[" + FUNCTION + ", { \"name\": \"a/lost\", \"simulate\": {} }]", "[" + SEGMENT + "]"),
                        "broken.json:4:54: functions[1]: function 'a/lost' is in no segment"),
                crossReference("function in two segments",
                        designWith("[" + FUNCTION + "]", "[" + SEGMENT + ", { \"name\": \"other\", \"functions\": [\"a/run\"] }]"),
                        "broken.json:5:93: segments[1].functions[0]: function 'a/run' is already in segment 'main'; a function belongs to exactly one segment"),
                crossReference("call to an unknown function",
                        designWith("[{ \"name\": \"a/run\", \"calls\": [\"a/rnu2\"], \"simulate\": {} }]", "[" + SEGMENT + "]"),
                        "broken.json:4:46: functions[0].calls[0]: unknown function 'a/rnu2'; did you mean 'a/run'?"),
                crossReference("duplicate function name",
                        designWith("[" + FUNCTION + ", " + FUNCTION + "]", "[" + SEGMENT + "]"),
                        "broken.json:4:64: functions[1].name: duplicate function 'a/run' (also functions[0])"),
                crossReference("duplicate segment name",
                        designWith("[" + FUNCTION + ", { \"name\": \"a/two\", \"simulate\": {} }]",
                                "[" + SEGMENT + ", { \"name\": \"main\", \"functions\": [\"a/two\"] }]"),
                        "broken.json:5:70: segments[1].name: duplicate segment 'main' (also segments[0])"),
                broken("worker count below one",
                        designWith("[" + FUNCTION + "]", "[{ \"name\": \"main\", \"functions\": [\"a/run\"], \"workers\": 0 }]"),
                        "broken.json:5:69: segments[0].workers: must be between 1 and 256 or \"cores\", was 0",
                        "$.segments[0].workers: must be valid to one and only one schema, but 0 are valid"),
                broken("worker count of the wrong type",
                        designWith("[" + FUNCTION + "]", "[{ \"name\": \"main\", \"functions\": [\"a/run\"], \"workers\": \"many\" }]"),
                        "broken.json:5:69: segments[0].workers: expected a whole number or \"cores\", was \"many\"",
                        "$.segments[0].workers: must be valid to one and only one schema, but 0 are valid"),
                broken("unknown balancing strategy",
                        designWith("[" + FUNCTION + "]", "[{ \"name\": \"main\", \"functions\": [\"a/run\"], \"balancing\": \"random\" }]"),
                        "broken.json:5:71: segments[0].balancing: unknown balancing strategy 'random'; expected one of round-robin, least-requests, weighted, sticky",
                        "$.segments[0].balancing: does not have a value in the enumeration [\"round-robin\", \"least-requests\", \"weighted\", \"sticky\"]"),
                broken("misspelt restart policy",
                        designWith("[" + FUNCTION + "]", "[{ \"name\": \"main\", \"functions\": [\"a/run\"], \"restart\": \"allways\" }]"),
                        "broken.json:5:69: segments[0].restart: unknown restart policy 'allways'; did you mean 'always'?",
                        "$.segments[0].restart: does not have a value in the enumeration [\"always\", \"on-failure\", \"never\"]"),
                broken("port below 1024",
                        design("\"ports\": { \"base\": 80 }"),
                        "broken.json:5:22: ports.base: must be between 1024 and 65000, was 80",
                        "$.ports.base: must have a minimum value of 1024"),
                broken("port of the wrong type",
                        design("\"ports\": { \"base\": \"7400\" }"),
                        "broken.json:5:22: ports.base: expected a whole number, was the string \"7400\"",
                        "$.ports.base: string found, integer expected"),
                broken("function without an implementation",
                        designWith("[{ \"name\": \"a/run\" }]", "[" + SEGMENT + "]"),
                        "broken.json:4:17: functions[0]: function 'a/run' needs an implementation: 'simulate' or 'java'",
                        "$.functions[0]: must be valid to one and only one schema, but 0 are valid"),
                broken("error rate above one",
                        designWith("[{ \"name\": \"a/run\", \"simulate\": { \"errorRate\": 1.5 } }]", "[" + SEGMENT + "]"),
                        "broken.json:4:63: functions[0].simulate.errorRate: must be between 0 and 1, was 1.5",
                        "$.functions[0].simulate.errorRate: must have a maximum value of 1"),
                broken("bad function name",
                        designWith("[{ \"name\": \"a run\", \"simulate\": {} }]", "[{ \"name\": \"main\", \"functions\": [\"a run\"] }]"),
                        "broken.json:4:27: functions[0].name: 'a run' is not a valid name: use parts of letters, digits, '-' and '_' separated by '/', each starting with a letter (orders/checkout)",
                        "$.functions[0].name: does not match the regex pattern ^[A-Za-z][A-Za-z0-9_-]*(/[A-Za-z][A-Za-z0-9_-]*)*$"),
                crossReference("duplicate key",
                        "{\n  \"version\": 1,\n  \"version\": 1,\n  \"name\": \"x\",\n  \"functions\": [" + FUNCTION + "],\n  \"segments\": [" + SEGMENT + "]\n}",
                        "broken.json:3:3: version: duplicate key 'version'"),
                crossReference("calls that form a cycle",
                        designWith("[{ \"name\": \"a/one\", \"calls\": [\"a/two\"], \"simulate\": {} }, { \"name\": \"a/two\", \"calls\": [\"a/one\"], \"simulate\": {} }]",
                                "[{ \"name\": \"main\", \"functions\": [\"a/one\", \"a/two\"] }]"),
                        "broken.json:4:45: functions[0].calls: calls form a cycle: a/one -> a/two -> a/one"),
                crossReference("java function from an unknown bundle",
                        designWith("[{ \"name\": \"a/run\", \"java\": { \"bundle\": \"tools\", \"class\": \"a.B\", \"method\": \"run\" } }]", "[" + SEGMENT + "]"),
                        "broken.json:4:56: functions[0].java.bundle: unknown bundle 'tools'; the design lists no bundles"),
                crossReference("weights without weighted balancing",
                        designWith("[" + FUNCTION + "]", "[{ \"name\": \"main\", \"functions\": [\"a/run\"], \"weights\": [2, 1] }]"),
                        "broken.json:5:69: segments[0].weights: weights are used only with balancing 'weighted', not 'round-robin'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDesigns")
    void brokenDesignIsReportedWithItsExactPlace(String mistake, String text, String expected, String schemaSays) {
        var parsed = DesignFiles.parse(text, "broken.json");

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).map(Problem::toString).containsExactly(expected);
    }

    /**
     * Editors show the schema's first message while the user types; a mistake about what refers to what (segments,
     * calls, duplicates, bundles, weights that need a balancing) is beyond JSON Schema, so the schema accepts it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDesigns")
    void brokenDesignIsReportedByTheSchemaUnlessItIsACrossReference(String mistake, String text, String expected,
                                                                     String schemaSays) {
        var errors = DesignSchema.errors(text);

        if (schemaSays == null) {
            assertThat(errors).as("%s is a cross reference: the schema accepts it", mistake).isEmpty();
        } else {
            assertThat(errors).as(mistake).isNotEmpty().first().isEqualTo(schemaSays);
        }
    }

    @Test
    void onlyTheCrossReferenceMistakesAreLeftToTheValidatorAlone() {
        assertThat(brokenDesigns().map(Arguments::get).filter(a -> a[3] == null).map(a -> a[0])).containsExactly(
                "function in no segment", "function in two segments", "call to an unknown function",
                "duplicate function name", "duplicate segment name", "duplicate key", "calls that form a cycle",
                "java function from an unknown bundle", "weights without weighted balancing");
    }

    /** A mistake the schema reports too, first with {@code schemaSays}. */
    private static Arguments broken(String mistake, String text, String expected, String schemaSays) {
        return Arguments.of(mistake, text, expected, schemaSays);
    }

    /** A mistake the validator reports and the schema cannot see. */
    private static Arguments crossReference(String mistake, String text, String expected) {
        return Arguments.of(mistake, text, expected, null);
    }

    /** A valid design with one more top-level entry on line 5. */
    private static String design(String extra) {
        return "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"functions\": [" + FUNCTION + "], \"segments\": [" + SEGMENT + "],\n  "
                + extra + "\n}";
    }

    /** A design whose functions are on line 4 and segments on line 5. */
    private static String designWith(String functions, String segments) {
        return "{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"functions\": " + functions + ",\n  \"segments\": " + segments + "\n}";
    }
}
