package io.clusterdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.Segment;
import io.clusterdeck.lab.WorkerSample.CallSample;
import io.clusterdeck.lab.WorkerSample.FunctionSample;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ProfileWindowTest {
    private static final Design SHOP = Design.named("shop").withSegments(List.of(
            Segment.named("front").withFunctions(List.of("front/page")),
            Segment.named("back").withFunctions(List.of("back/stock"))));

    /** A function's totals: {@code calls} calls of {@code ms} each, {@code cpuMs} of CPU each. */
    private static FunctionSample totals(String name, long calls, long errors, double ms, double cpuMs) {
        var histogram = new Histogram(600_000_000L, 2);
        if (calls > 0) {
            histogram.recordValueWithCount((long) (ms * 1000), calls);
        }
        var buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return new FunctionSample(name, calls, errors, (long) (calls * cpuMs * 1e6), (long) (calls * ms * 1e6),
                Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
    }

    private static WorkerSample front(String worker, long pages, List<CallSample> calls) {
        return new WorkerSample(worker, "front", List.of(totals("front/page", pages, 0, 10, 2)), calls);
    }

    @Test
    void aProfileIsWhatHappenedBetweenTheTwoSamples() {
        var before = List.of(front("worker-front-1", 100, List.of()));
        var after = List.of(front("worker-front-1", 150, List.of()));

        var page = ProfileWindow.between(SHOP, before, after, 5).function("front/page").orElseThrow();

        assertThat(page.calls()).isEqualTo(50);
        assertThat(page.cpuMsPerCall()).isEqualTo(2.0);
        assertThat(page.meanMs()).isEqualTo(10.0);
        assertThat(page.p99Ms()).isBetween(9.9, 10.1);
        assertThat(page.segment()).isEqualTo("front");
    }

    @Test
    void theWorkersOfAFunctionAreSummedAndOneStartedMeanwhileCountsFromZero() {
        var before = List.of(front("worker-front-1", 100, List.of()));
        var after = List.of(front("worker-front-1", 130, List.of()), front("worker-front-2", 20, List.of()));

        var profile = ProfileWindow.between(SHOP, before, after, 10);

        assertThat(profile.function("front/page").orElseThrow().calls()).isEqualTo(50);
        assertThat(profile.rate("front/page")).isEqualTo(5.0);
    }

    @Test
    void aWorkerWhoseTotalsWentDownRestartedAndCountsFromZero() {
        var before = List.of(front("worker-front-1", 500, List.of()));
        var after = List.of(front("worker-front-1", 40, List.of()));

        assertThat(ProfileWindow.between(SHOP, before, after, 4).function("front/page").orElseThrow().calls()).isEqualTo(40);
    }

    @Test
    void theHopIsTheCallersWaitLessTheCalleesOwnTime() {
        var stockWorker = new WorkerSample("worker-back-1", "back", List.of(totals("back/stock", 60, 3, 4, 1)), List.of());
        var before = List.of(front("worker-front-1", 0, List.of()));
        var after = List.of(front("worker-front-1", 30, List.of(new CallSample("front/page", "back/stock", true, 60, 60 * 5_500_000L))),
                stockWorker);

        var profile = ProfileWindow.between(SHOP, before, after, 3);

        var call = profile.calls().get(0);
        assertThat(call.from()).isEqualTo("front/page");
        assertThat(call.to()).isEqualTo("back/stock");
        assertThat(call.meanMs()).isEqualTo(5.5);
        assertThat(call.hopMs()).isEqualTo(1.5);
        assertThat(profile.hopsPerCall("front/page")).isEqualTo(2.0);
        assertThat(profile.function("back/stock").orElseThrow().errorRate()).isEqualTo(0.05);
    }

    @Test
    void callsThatDidNotHappenInTheWindowAreLeftOut() {
        var calls = List.of(new CallSample("front/page", "back/stock", true, 60, 60_000_000L));
        var before = List.of(front("worker-front-1", 30, calls));
        var after = List.of(front("worker-front-1", 30, calls));

        assertThat(ProfileWindow.between(SHOP, before, after, 1).calls()).isEmpty();
    }
}
