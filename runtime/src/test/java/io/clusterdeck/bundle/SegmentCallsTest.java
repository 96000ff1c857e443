package io.clusterdeck.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.function.CallException;
import io.clusterdeck.function.FunctionContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentCallsTest {
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

    /** Stands in for the gateway, which is not part of this package: records each call and answers 7. */
    private static final class RecordingGateway implements FunctionContext {
        final List<String> calls = new ArrayList<>();

        @Override
        public Object call(String function, Map<String, ?> arguments) {
            calls.add(function + " " + arguments);
            return 7;
        }
    }

    @Test
    void callToAFunctionOfAnotherSegmentGoesToTheGateway() {
        var gateway = new RecordingGateway();
        var stockOnly = Map.of("catalog/available", shop.invoker("catalog/available").orElseThrow());
        var calls = new SegmentCalls(stockOnly, gateway);

        assertThat(calls.call("catalog/available", Map.of("sku", "apple"))).isEqualTo(true);
        assertThat(gateway.calls).containsExactly("catalog/stock {sku=apple}");
    }

    @Test
    void argumentsReachALocalCalleeAsPlainJson() {
        record Item(String sku, int quantity) {
        }
        var calls = new SegmentCalls(shop.invokers(), null);

        assertThat(calls.call("catalog/first", Map.of("items", List.of(new Item("apple", 4)))))
                .isEqualTo(Map.of("sku", "apple", "quantity", 4));
    }

    @Test
    void functionNobodyHostsIsUnknown() {
        var calls = new SegmentCalls(shop.invokers(), null);

        assertThatThrownBy(() -> calls.call("catalog/missing", Map.of()))
                .isInstanceOf(CallException.class)
                .hasMessage("call to 'catalog/missing' failed with 404 unknown_function: no function 'catalog/missing'"
                        + " in this process")
                .satisfies(e -> assertThat(((CallException) e).status()).isEqualTo(404));
    }

    @Test
    void localCalleeThatThrowsFailsTheCallWithStatus500() {
        var calls = new SegmentCalls(shop.invokers(), null);

        assertThatThrownBy(() -> calls.call("catalog/broken", Map.of()))
                .isInstanceOf(CallException.class)
                .hasMessage("call to 'catalog/broken' failed with 500 function_failed: function 'catalog/broken'"
                        + " failed: java.lang.IllegalStateException: disk full");
    }
}
