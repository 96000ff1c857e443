package io.clusterdeck.lab;

import static io.clusterdeck.lab.Designs.design;
import static io.clusterdeck.lab.Designs.privateFunction;
import static io.clusterdeck.lab.Designs.publicFunction;
import static io.clusterdeck.lab.Designs.segment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HopCostTest {
    /** front: api/a, api/b; mid: svc/x, svc/y; back: db/q. */
    private static final io.clusterdeck.design.Design LAYERED = Designs.withHopLatency(design(
            List.of(publicFunction("api/a", "svc/x", "api/b"),
                    publicFunction("api/b", "svc/y", "db/q"),
                    privateFunction("svc/x", "svc/y", "db/q"),
                    privateFunction("svc/y", "db/q", "db/q"),
                    privateFunction("db/q")),
            List.of(segment("front", 1, "api/a", "api/b"), segment("mid", 1, "svc/x", "svc/y"),
                    segment("back", 1, "db/q"))), 2);

    @Test
    void webshopCheckoutMakesOneHopToTheStorefrontAndNothingElseCrosses() {
        var cost = HopCost.of(Designs.webshop());

        assertThat(cost.hopLatencyMs()).isEqualTo(0.5);
        assertThat(cost.functions()).containsExactly(
                new FunctionHops("catalog/search", "storefront", 0, 0),
                new FunctionHops("catalog/product", "storefront", 0, 0),
                new FunctionHops("cart/add", "storefront", 0, 0),
                new FunctionHops("cart/view", "storefront", 0, 0),
                new FunctionHops("orders/checkout", "orders", 1, 0.5),
                new FunctionHops("images/thumbnail", "images", 0, 0));
        assertThat(cost.meanHops()).isEqualTo(1 / 6.0);
        assertThat(cost.meanAddedMs()).isEqualTo(0.5 / 6);
    }

    @Test
    void hopsOfCalleesAddUpAlongTheWholeTreeAndEachListedCallCounts() {
        assertThat(HopCost.hopsPerCall(LAYERED)).containsOnly(
                java.util.Map.entry("db/q", 0L),
                java.util.Map.entry("svc/y", 2L),
                java.util.Map.entry("svc/x", 3L),
                java.util.Map.entry("api/b", 4L),
                java.util.Map.entry("api/a", 8L));
    }

    @Test
    void onlyPublicFunctionsAreListedWithTheLatencyTheirHopsAdd() {
        var cost = HopCost.of(LAYERED);

        assertThat(cost.functions()).containsExactly(new FunctionHops("api/a", "front", 8, 16),
                new FunctionHops("api/b", "front", 4, 8));
        assertThat(cost.meanHops()).isEqualTo(6);
        assertThat(cost.meanAddedMs()).isEqualTo(12);
    }

    @Test
    void designWithoutHopLatencyAddsNoTime() {
        var cost = HopCost.of(LAYERED.withNetwork(null));

        assertThat(cost.hopLatencyMs()).isZero();
        assertThat(cost.function("api/a")).contains(new FunctionHops("api/a", "front", 8, 0));
    }

    @Test
    void chainOfFourThousandCrossingCallsIsWalkedWithoutOverflowingTheStack() {
        var cost = HopCost.of(Designs.alternatingChain(4_000, 1));

        assertThat(cost.functions()).containsExactly(new FunctionHops("chain/f0", "even", 3_999, 0));
    }

    @Test
    void fanOutThatDoublesAtEveryLevelSaturatesInsteadOfWrappingAround() {
        var hops = HopCost.hopsPerCall(Designs.alternatingChain(80, 2));

        assertThat(hops.get("chain/f78")).isEqualTo(2);
        assertThat(hops.get("chain/f77")).isEqualTo(6);
        assertThat(hops.get("chain/f0")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void costRendersAsATableWithTheMean() {
        assertThat(HopCost.of(LAYERED).render()).isEqualTo("""
                Gateway hops per call of each public function (hop latency 2 ms)

                FUNCTION  SEGMENT  HOPS/CALL  ADDED MS
                api/a     front    8          16
                api/b     front    4          8

                Mean per public function: 6 hops, 12 ms
                """);
    }
}
