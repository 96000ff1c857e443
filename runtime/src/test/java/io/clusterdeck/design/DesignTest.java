package io.clusterdeck.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.json.InvalidValueException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignTest {
    private final Design webshop = DesignFiles.load(Path.of("..", "designs", "webshop.json")).orThrow();

    @Test
    void renamingAFunctionRenamesItInSegmentsAndCalls() {
        var price = webshop.function("catalog/price").orElseThrow();

        var renamed = webshop.withFunction("catalog/price", price.withName("catalog/pricing"));

        assertThat(renamed.segment("storefront").orElseThrow().functions()).contains("catalog/pricing")
                .doesNotContain("catalog/price");
        assertThat(renamed.function("catalog/search").orElseThrow().calls()).containsExactly("catalog/pricing");
        assertThat(renamed.validate()).isEmpty();
    }

    @Test
    void movingAFunctionIsTwoSegmentEdits() {
        var moved = webshop
                .withSegment("storefront", s -> s.withoutFunction("cart/add"))
                .withSegment("orders", s -> s.withFunction("cart/add"));

        assertThat(moved.segmentOf("cart/add")).map(Segment::name).hasValue("orders");
        assertThat(moved.validate()).isEmpty();
        assertThat(webshop.segmentOf("cart/add")).map(Segment::name).hasValue("storefront");
    }

    @Test
    void segmentRefusesWeightsOutOfRangeAndNamesEveryOne() {
        assertThatThrownBy(() -> Segment.named("s").withFunctions(List.of()).withWorkers(WorkerCount.of(2))
                .withBalancing(Balancing.WEIGHTED).withJvm(new Jvm(8, List.of("Xmx"))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("heapMb: must be between 16 and 65536, was 8; options[0]: 'Xmx' is not a JVM option (it must start with '-')");
    }

    @Test
    void oneWorkerPerCoreResolvesToTheCoreCount() {
        assertThat(WorkerCount.cores().resolve(8)).isEqualTo(8);
        assertThat(WorkerCount.of(3).resolve(8)).isEqualTo(3);
    }

    @Test
    void unassignedFunctionsAreThoseInNoSegment() {
        var design = webshop.withSegment("images", s -> s.withoutFunction("images/thumbnail"));

        assertThat(design.unassignedFunctions()).extracting(Function::name).containsExactly("images/thumbnail");
    }
}
