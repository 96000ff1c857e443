package io.clusterdeck.lab;

import static io.clusterdeck.lab.Designs.design;
import static io.clusterdeck.lab.Designs.function;
import static io.clusterdeck.lab.Designs.privateFunction;
import static io.clusterdeck.lab.Designs.publicFunction;
import static io.clusterdeck.lab.Designs.segment;
import static io.clusterdeck.lab.Profiles.call;
import static io.clusterdeck.lab.Profiles.measured;
import static io.clusterdeck.lab.Profiles.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Autoscale;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Layout;
import io.clusterdeck.design.Position;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.json.DocumentException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdvisorTest {
    /** One segment of two light public functions and a heavy one, measured over 100 s, and another unmeasured. */
    static final Design STORE = design(List.of(publicFunction("web/home"), publicFunction("web/search"),
                    publicFunction("img/render"), publicFunction("web/about")),
            List.of(segment("store", 2, "web/home", "web/search", "img/render"), segment("other", 2, "web/about")))
            .withLayout(new Layout(Map.of("store", new Position(40.0, 40.0), "other", new Position(40.0, 400.0))));
    static final Profile STORE_PROFILE = profile("lab", 100, List.of(
            measured("web/home", "store", 10_000, 1, 2),
            measured("web/search", "store", 10_000, 2, 3),
            measured("img/render", "store", 2_000, 40, 45)), List.of());

    /** A public quote function whose every call prices through the gateway in a segment of its own. */
    static final Design QUOTES = Designs.withHopLatency(design(
            List.of(publicFunction("api/quote", "price/calc"), privateFunction("price/calc")),
            List.of(segment("api", 2, "api/quote"), segment("pricing", 2, "price/calc"))), 1);

    static Profile quotes(long pricedCalls, double pricingCpuMs) {
        return profile("lab", 100, List.of(measured("api/quote", "api", 1_000, 2, 5),
                        measured("price/calc", "pricing", pricedCalls, pricingCpuMs, 2)),
                List.of(call("api/quote", "price/calc", pricedCalls, true)));
    }

    /** Orders call a charge in another segment that must not be sent twice. */
    static Design payments(Access chargeAccess) {
        return design(List.of(publicFunction("orders/place", "pay/charge"),
                        function("pay/charge", chargeAccess, false)),
                List.of(segment("orders", 2, "orders/place"), segment("payments", 2, "pay/charge")));
    }

    static final Profile PAYMENTS_PROFILE = profile("lab", 100, List.of(
                    measured("orders/place", "orders", 1_000, 1, 20), measured("pay/charge", "payments", 1_000, 10, 15)),
            List.of(call("orders/place", "pay/charge", 1_000, true)));

    private static List<Advice> advise(Design design, Profile profile) {
        return Advisor.advise(design, profile, AdviceOptions.DEFAULT);
    }

    @Test
    void heavyFunctionIsSplitIntoASegmentOfItsOwnNamedAfterItAndDrawnBelowInTheFirstFreePlace() {
        var advice = advise(STORE, STORE_PROFILE);

        assertThat(advice).extracting(Advice::kind).containsExactly(AdviceKind.SPLIT);
        var split = advice.get(0);
        assertThat(split.functions()).containsExactly("img/render");
        assertThat(split.segments()).containsExactly("store", "img-render");
        assertThat(split.message()).isEqualTo("Give img/render a segment of its own, 'img-render': the other functions"
                + " of 'store' queue behind its calls.");
        assertThat(split.evidence()).isEqualTo("40 ms CPU per call, 26.67x the median of the other functions of 'store'"
                + " (1.5 ms); 73% of the segment's CPU; p50 45 ms and mean 45 ms, 18x the others' median (p50 2.5 ms);"
                + " 64% of the segment's busy time; 20 calls/s.");
        assertThat(split.effect()).isEqualTo("'store' keeps 2 functions that no longer wait behind img/render, which is"
                + " balanced and sized on its own; mean gateway hops per public call stay 0.");
        assertThat(split.figure("cpuShare")).contains(new Figure("cpuShare", 0.8 / 1.1, "share"));

        var advised = split.applyTo(STORE);
        assertThat(advised.segment("store").orElseThrow().functions()).containsExactly("web/home", "web/search");
        assertThat(advised.segment("img-render").orElseThrow())
                .isEqualTo(STORE.segment("store").orElseThrow().withName("img-render")
                        .withFunctions(List.of("img/render"))
                        .withDescription("img/render, split off from 'store'."));
        assertThat(advised.segments()).extracting(s -> s.name()).containsExactly("store", "img-render", "other");
        assertThat(advised.layout().segments()).containsEntry("img-render", new Position(400.0, 40.0));
    }

    @Test
    void functionsOnlyTheHeavyOneCallsGoWithItAndASplitThatWouldTakeTheWholeSegmentIsNone() {
        var design = STORE.withFunctions(List.of(publicFunction("web/home"), publicFunction("web/search"),
                        publicFunction("img/render", "img/scale"), privateFunction("img/scale"),
                        publicFunction("web/about")))
                .withSegment("store", s -> s.withFunction("img/scale"));

        var split = advise(design, STORE_PROFILE).get(0);
        assertThat(split.functions()).containsExactly("img/render", "img/scale");
        assertThat(split.message()).startsWith("Give img/render a segment of its own, 'img-render', with the functions"
                + " only it calls (img/scale): ");

        var alone = design.withSegment("store", s -> s.withFunctions(List.of("img/render", "img/scale")))
                .withSegment("other", s -> s.withFunctions(List.of("web/about", "web/home", "web/search")));
        assertThat(advise(alone, STORE_PROFILE)).extracting(Advice::kind).doesNotContain(AdviceKind.SPLIT);
    }

    @Test
    void splitSegmentNameIsValidUniqueAndAtMostFortyCharacters() {
        var long43 = "abcdefghij/abcdefghij/abcdefghij/abcdefghij";

        assertThat(DesignEdits.segmentName("Img/Render_Fast", Set.of())).isEqualTo("img-render-fast");
        assertThat(DesignEdits.segmentName("img/render", Set.of("img-render"))).isEqualTo("img-render-2");
        assertThat(DesignEdits.segmentName(long43, Set.of())).isEqualTo("abcdefghij-abcdefghij-abcdefghij-abcdefg");
        assertThat(DesignEdits.segmentName(long43, Set.of("abcdefghij-abcdefghij-abcdefghij-abcdefg")))
                .isEqualTo("abcdefghij-abcdefghij-abcdefghij-abcde-2");
        assertThat(DesignEdits.segmentName("abcdefghij/abcdefghij/abcdefghij/abcdefg/hij", Set.of()))
                .isEqualTo("abcdefghij-abcdefghij-abcdefghij-abcdefg");
    }

    @Test
    void alikeSegmentsThatCallEachOtherOnMostRequestsAreMergedAndThenSized() {
        var advice = advise(QUOTES, quotes(900, 3));

        assertThat(advice).extracting(Advice::kind).containsExactly(AdviceKind.MERGE, AdviceKind.SIZE);
        var merge = advice.get(0);
        assertThat(merge.segments()).containsExactly("api", "pricing");
        assertThat(merge.functions()).containsExactly("price/calc");
        assertThat(merge.message()).isEqualTo("Merge 'pricing' into 'api': 'api' calls 'pricing' on most requests,"
                + " through the gateway, and the two do alike work.");
        assertThat(merge.evidence()).isEqualTo("'api' calls 'pricing' 0.9x per call of its entry functions"
                + " (api/quote), 9 calls/s; CPU per call 2 ms in 'api' and 3 ms in 'pricing' (1.5x).");
        assertThat(merge.effect()).isEqualTo("Those calls stay inside the worker; mean gateway hops per public call"
                + " 1 -> 0 (-1 ms a call); 'api' runs 4 workers until sizing says otherwise.");
        assertThat(advice.get(1).message()).isEqualTo("Lower 'api' from 4 to 2 workers (2 so that one can fail): it is"
                + " over-provisioned for the measured load.");

        var advised = Advisor.apply(QUOTES, advice);
        assertThat(advised.segments()).hasSize(1);
        assertThat(advised.segment("api").orElseThrow().functions()).containsExactly("api/quote", "price/calc");
        assertThat(advised.segment("api").orElseThrow().workers()).isEqualTo(WorkerCount.of(2));
    }

    @Test
    void segmentsCalledOnFewRequestsOrDoingUnlikeWorkAreNotMerged() {
        assertThat(advise(QUOTES, quotes(400, 3))).extracting(Advice::kind).doesNotContain(AdviceKind.MERGE);
        assertThat(advise(QUOTES, quotes(900, 7))).extracting(Advice::kind).doesNotContain(AdviceKind.MERGE);
    }

    @Test
    void segmentThatASplitChangedIsNotMergedEvenWhenItWouldBeAlikeAfterward() {
        var design = STORE.withFunctions(List.of(publicFunction("web/home", "web/about"), publicFunction("web/search"),
                publicFunction("img/render"), privateFunction("web/about")));
        var functions = new java.util.ArrayList<>(STORE_PROFILE.functions());
        functions.add(measured("web/about", "other", 30_000, 1, 1));
        var profile = profile("lab", 100, functions, List.of(call("web/home", "web/about", 30_000, true)));

        assertThat(advise(design, profile)).extracting(Advice::kind, Advice::segments).containsExactly(
                tuple(AdviceKind.SPLIT, List.of("store", "img-render")), tuple(AdviceKind.SIZE, List.of("other")));
    }

    @Test
    void underProvisionedSegmentIsRaisedToWhatItsCpuDemandNeedsAtTheTarget() {
        var design = design(List.of(publicFunction("job/run")), List.of(segment("batch", 1, "job/run")));
        var profile = profile("lab", 10, List.of(measured("job/run", "batch", 12_000, 1, 1)), List.of());

        var advice = advise(design, profile);

        assertThat(advice).extracting(Advice::kind).containsExactly(AdviceKind.SIZE);
        assertThat(advice.get(0).message()).isEqualTo("Raise 'batch' from 1 to 2 workers: it is under-provisioned for"
                + " the measured load.");
        assertThat(advice.get(0).evidence()).isEqualTo("1.2 cores of CPU demand measured (job/run 1200 calls/s x 1 ms);"
                + " 2 workers of 1 core carry it at 60%.");
        assertThat(advice.get(0).effect()).isEqualTo("Utilisation at the measured load 120% -> 60% (target 60%).");
        assertThat(advice.get(0).figure("neededWorkers")).contains(new Figure("neededWorkers", 2, "workers"));
    }

    @Test
    void withTwoCoresPerWorkerOneCarriesTheLoadAndTheSecondIsForAvailability() {
        var design = design(List.of(publicFunction("job/run")), List.of(segment("batch", 1, "job/run")));
        var profile = profile("lab", 10, List.of(measured("job/run", "batch", 12_000, 1, 1)), List.of());

        var advice = Advisor.advise(design, profile, new AdviceOptions(0.6, 2));

        assertThat(advice).extracting(Advice::kind).containsExactly(AdviceKind.AVAILABILITY);
        assertThat(advice.get(0).message()).isEqualTo("Run 'batch' on 2 workers: with 1, its public functions fail"
                + " whenever that worker does.");
        assertThat(advice.get(0).evidence()).isEqualTo("1 worker serving job/run; 1.2 cores of CPU demand measured,"
                + " which 1 worker carries.");
    }

    @Test
    void overProvisionedSegmentStaysWithinItsAutoscaleBounds() {
        var design = design(List.of(privateFunction("job/run")), List.of(new Segment("batch", null, List.of("job/run"),
                WorkerCount.of(6), null, null, null, null, new Autoscale(3, 8, 70))));
        var profile = profile("lab", 10, List.of(measured("job/run", "batch", 1_000, 1, 1)), List.of());

        var advice = advise(design, profile);

        assertThat(advice.get(0).message()).isEqualTo("Lower 'batch' from 6 to 3 workers (within its autoscale bounds):"
                + " it is over-provisioned for the measured load.");
    }

    @Test
    void unmeasuredPublicSegmentOnOneWorkerGetsASecondAndAPrivateOneNothing() {
        var design = design(List.of(publicFunction("a/b", "c/d"), privateFunction("c/d")),
                List.of(segment("front", 1, "a/b"), segment("back", 1, "c/d")));

        var advice = advise(design, profile("lab", 10, List.of(), List.of()));

        assertThat(advice).extracting(Advice::kind, Advice::segments)
                .containsExactly(tuple(AdviceKind.AVAILABILITY, List.of("front")));
        assertThat(advice.get(0).evidence()).isEqualTo("1 worker serving a/b; no calls measured.");
    }

    @Test
    void privateNonIdempotentFunctionCalledAcrossTheGatewayMovesIntoItsOnlyCallersSegment() {
        var advice = advise(payments(Access.PRIVATE), PAYMENTS_PROFILE);

        assertThat(advice).extracting(Advice::kind).containsExactly(AdviceKind.NON_IDEMPOTENT_HOP);
        var hop = advice.get(0);
        assertThat(hop.segments()).containsExactly("payments", "orders");
        assertThat(hop.message()).isEqualTo("pay/charge is not idempotent and is called across the gateway: a call"
                + " that fails after it was sent cannot be retried on another worker.");
        assertThat(hop.evidence()).isEqualTo("Called from orders/place in another segment; 10 calls/s across the"
                + " gateway measured.");
        assertThat(hop.effect()).isEqualTo("Moved into 'orders', its only callers' segment, its calls stay inside the"
                + " worker and fail only with their caller; mean gateway hops per public call 1 -> 0.");
        var advised = hop.applyTo(payments(Access.PRIVATE));
        assertThat(advised.segments()).extracting(s -> s.name()).containsExactly("orders");
        assertThat(advised.segment("orders").orElseThrow().functions()).containsExactly("orders/place", "pay/charge");
    }

    @Test
    void protectedNonIdempotentFunctionIsFlaggedWithoutAnEdit() {
        var advice = advise(payments(Access.PROTECTED), PAYMENTS_PROFILE);

        assertThat(advice).extracting(Advice::kind).containsExactly(AdviceKind.NON_IDEMPOTENT_HOP, AdviceKind.SIZE);
        assertThat(advice.get(0).changesDesign()).isFalse();
        assertThat(advice.get(0).effect()).isEqualTo("No automatic change: it is protected, so it is called through"
                + " the gateway from outside its callers too; make it idempotent (an idempotency key) or keep its"
                + " callers with it.");
    }

    @Test
    void webshopMergesOrdersIntoTheStorefrontAndLowersWhatTheLoadDoesNotNeed() {
        var advice = advise(Designs.webshop(), Profiles.webshop());

        assertThat(advice).extracting(Advice::kind, Advice::segments).containsExactly(
                tuple(AdviceKind.MERGE, List.of("storefront", "orders")),
                tuple(AdviceKind.SIZE, List.of("storefront")),
                tuple(AdviceKind.SIZE, List.of("images")));
        assertThat(advice.get(2).message()).isEqualTo("Lower 'images' from 3 to 2 workers: it is over-provisioned for"
                + " the measured load.");
    }

    @Test
    void sameInputsGiveTheSameAdvice() {
        assertThat(advise(Designs.webshop(), Profiles.webshop()).toString().replaceAll("\\$\\$Lambda[^,]*", ""))
                .isEqualTo(advise(Designs.webshop(), Profiles.webshop()).toString()
                        .replaceAll("\\$\\$Lambda[^,]*", ""));
    }

    @Test
    void designWithProblemsIsRefused() {
        var broken = design(List.of(publicFunction("a/b")), List.of());

        assertThatThrownBy(() -> advise(broken, STORE_PROFILE)).isInstanceOf(DocumentException.class)
                .hasMessage("segments: a design needs at least one segment\nfunctions[0]: function 'a/b' is in no segment");
    }
}
