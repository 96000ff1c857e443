package io.clusterdeck.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Function;
import org.junit.jupiter.api.Test;

class PaletteFilterTest {
    private final Design webshop = DesignFiles.load(TestDesigner.DESIGNS.resolve("webshop.json")).orThrow();

    @Test
    void theSearchMatchesNamesAndDescriptionsIgnoringCase() {
        assertThat(PaletteFilter.ALL.apply(webshop, "CART")).extracting(Function::name)
                .containsExactly("cart/add", "cart/view", "orders/checkout");
    }

    @Test
    void costlyFunctionsAreThoseOfAtLeastTwentyFiveModelledMilliseconds() {
        assertThat(PaletteFilter.COSTLY.apply(webshop, "")).extracting(Function::name)
                .containsExactly("payments/charge", "images/thumbnail");
        assertThat(FunctionFacts.cost(webshop.function("payments/charge").orElseThrow())).isEqualTo("30.5 ms");
    }

    @Test
    void filtersCombineWithTheSearch() {
        assertThat(PaletteFilter.PRIVATE.apply(webshop, "inventory")).extracting(Function::name)
                .containsExactly("inventory/reserve");
        assertThat(PaletteFilter.UNASSIGNED.apply(webshop, "")).isEmpty();
    }
}
