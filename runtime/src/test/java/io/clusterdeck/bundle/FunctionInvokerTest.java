package io.clusterdeck.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clusterdeck.function.ClusterFunction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionInvokerTest {
    @TempDir
    static Path folder;
    static LoadedBundle shop;

    @BeforeAll
    static void loadTheShop() throws IOException {
        shop = BundleLoader.load("shop", ShopBundle.jar(folder), null);
    }

    @AfterAll
    static void closeTheShop() {
        shop.close();
    }

    private static Object call(String function, Map<String, ?> arguments) {
        return shop.invoker(function).orElseThrow().invoke(arguments, new SegmentCalls(shop.invokers(), null));
    }

    @Test
    void namedArgumentsBindToParametersAndTheResultIsPlainJson() {
        assertThat(call("catalog/add", Map.of("b", 40, "a", 2))).isEqualTo(42);
        assertThat(call("catalog/stock", Map.of("sku", "apple"))).isEqualTo(3);
    }

    @Test
    void objectsBindToRecordsAndRecordsComeBackAsMaps() {
        var items = List.of(Map.of("sku", "apple", "quantity", 2), Map.of("sku", "pear", "quantity", 5));

        assertThat(call("catalog/first", Map.of("items", items))).isEqualTo(Map.of("sku", "apple", "quantity", 2));
        assertThat(call("catalog/count", Map.of("items", items, "unit", "box"))).isEqualTo(Map.of("units", 7, "unit", "box"));
    }

    @Test
    void optionalArgumentMayBeLeftOut() {
        assertThat(call("catalog/count", Map.of("items", List.of()))).isEqualTo(Map.of("units", 0, "unit", "piece"));
    }

    @Test
    void missingAndUnknownArgumentsAreAllNamed() {
        assertThatThrownBy(() -> call("catalog/add", Map.of("a", 1, "c", 2, "zzz", 3)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/add': unknown argument 'c'; did you mean 'a'?; "
                        + "unknown argument 'zzz'; expected a, b; missing argument 'b' (an integer)");
    }

    @Test
    void argumentsOfTheWrongTypeAreNamedWithWhatWasGiven() {
        var arguments = new HashMap<String, Object>();
        arguments.put("a", "2");
        arguments.put("b", 2.5);

        assertThatThrownBy(() -> call("catalog/add", arguments))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/add': argument 'a' must be an integer, was the string \"2\"; "
                        + "argument 'b' must be an integer, was the number 2.5");
    }

    @Test
    void nullIsNoNumber() {
        var arguments = new HashMap<String, Object>();
        arguments.put("a", null);
        arguments.put("b", 1);

        assertThatThrownBy(() -> call("catalog/add", arguments))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/add': argument 'a' must be an integer, was null");
    }

    @Test
    void nullIsNoString() {
        var arguments = new HashMap<String, Object>();
        arguments.put("sku", null);

        assertThatThrownBy(() -> call("catalog/stock", arguments))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/stock': argument 'sku' must be a string, was null");
    }

    @Test
    void numberIsNoString() {
        assertThatThrownBy(() -> call("catalog/stock", Map.of("sku", 7)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/stock': argument 'sku' must be a string, was the number 7");
    }

    @Test
    void wrongTypeInsideAnObjectIsLocatedByItsPath() {
        var items = List.of(Map.of("sku", "apple", "quantity", 1), Map.of("sku", "pear", "quantity", "two"));

        assertThatThrownBy(() -> call("catalog/count", Map.of("items", items)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/count': argument 'items' at [1].quantity must be an integer,"
                        + " was the string \"two\"");
    }

    @Test
    void unknownFieldInsideAnObjectIsNamedWithTheKnownOnes() {
        var items = List.of(Map.of("sku", "apple", "quantity", 1, "colour", "red"));

        assertThatThrownBy(() -> call("catalog/count", Map.of("items", items)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/count': argument 'items' at [0] has an unknown field 'colour';"
                        + " expected quantity, sku");
    }

    @Test
    void missingFieldInsideAnObjectIsNamed() {
        var items = List.of(Map.of("sku", "apple", "qty", 1));

        assertThatThrownBy(() -> call("catalog/count", Map.of("items", items)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/count': argument 'items' at [0] is missing field 'quantity' (an integer)");
    }

    @Test
    void listWhereAnObjectWasExpectedIsNamed() {
        assertThatThrownBy(() -> call("catalog/count", Map.of("items", Map.of("sku", "apple"))))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/count': argument 'items' must be a list, was an object");
    }

    @Test
    void recordThatRefusesItsValuesIsABadArgument() {
        var items = List.of(Map.of("sku", "apple", "quantity", 0));

        assertThatThrownBy(() -> call("catalog/count", Map.of("items", items)))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/count': argument 'items' at [0] is not valid:"
                        + " quantity must be at least 1, was 0");
    }

    @Test
    void functionMayRejectAnArgumentItself() {
        assertThatThrownBy(() -> call("catalog/stock", Map.of("sku", "plum")))
                .isInstanceOf(BadArgumentsException.class)
                .hasMessage("function 'catalog/stock': argument 'sku' is not in the catalog: 'plum'");
    }

    @Test
    void exceptionOfTheFunctionIsReportedAsItsFailureWithTheCause() {
        assertThatThrownBy(() -> call("catalog/broken", Map.of()))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessage("function 'catalog/broken' failed: java.lang.IllegalStateException: disk full")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void functionCallsAnotherOfItsSegmentInProcess() {
        assertThat(call("catalog/available", Map.of("sku", "apple"))).isEqualTo(true);
        assertThat(call("catalog/available", Map.of("sku", "pear"))).isEqualTo(false);
    }

    @Test
    void calleeThatRefusesItsArgumentsFailsTheCallerWithTheCalleesMessage() {
        assertThatThrownBy(() -> call("catalog/available", Map.of("sku", "plum")))
                .isInstanceOf(FunctionFailedException.class)
                .hasMessage("function 'catalog/available' failed: io.clusterdeck.function.CallException: call to"
                        + " 'catalog/stock' failed with 400 bad_arguments: function 'catalog/stock': argument 'sku'"
                        + " is not in the catalog: 'plum'");
    }

    @Test
    void functionThatNeedsAContextRefusesToRunWithoutOne() {
        var available = shop.invoker("catalog/available").orElseThrow();

        assertThatThrownBy(() -> available.invoke(Map.of("sku", "apple"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("function 'catalog/available' takes a FunctionContext; none was given");
    }

    @Test
    void jacksonAnnotationsOfTheBundleApplyToArgumentsAndResults() throws IOException {
        var jar = TestBundles.jar(folder, "annotated.jar", true, Map.of("com.example.Annotated", """
                package com.example;
                import com.fasterxml.jackson.annotation.JsonProperty;
                import io.clusterdeck.function.ClusterFunction;
                public class Annotated {
                    public record Point(@JsonProperty("x-axis") int x, @JsonProperty("y-axis") int y) { }
                    @ClusterFunction(name = "annotated/swap")
                    public static Point swap(Point point) { return new Point(point.y(), point.x()); }
                }
                """), ClusterFunction.class, JsonProperty.class);
        try (var annotated = BundleLoader.load("annotated", jar, null)) {
            var swap = annotated.invoker("annotated/swap").orElseThrow();

            assertThat(swap.invoke(Map.of("point", Map.of("x-axis", 1, "y-axis", 2)), null))
                    .isEqualTo(Map.of("x-axis", 2, "y-axis", 1));
        }
    }

    @Test
    void voidFunctionReturnsNull() throws IOException {
        var jar = TestBundles.jar(folder, "quiet.jar", Map.of("com.example.Quiet", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                public class Quiet {
                    @ClusterFunction(name = "quiet/nothing") public static void nothing() { }
                }
                """));
        try (var quiet = BundleLoader.load("quiet", jar, null)) {
            assertThat(quiet.invoker("quiet/nothing").orElseThrow().invoke(Map.of(), null)).isNull();
        }
    }
}
