package io.clusterdeck.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Distribution;
import io.clusterdeck.design.Latency;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySamplerTest {
    private static double meanMs(Latency latency) {
        return LongStream.range(0, 20_000).map(i -> LatencySampler.sampleNanos(latency)).average().orElseThrow() / 1e6;
    }

    @Test
    void fixedLatencyIsAlwaysTheMean() {
        assertThat(LatencySampler.sampleNanos(Latency.fixed(2.5))).isEqualTo(2_500_000L);
    }

    @Test
    void everyDistributionKeepsItsMean() {
        assertThat(meanMs(new Latency(Distribution.UNIFORM, 10.0, 4.0))).isBetween(9.7, 10.3);
        assertThat(meanMs(new Latency(Distribution.NORMAL, 10.0, 2.0))).isBetween(9.7, 10.3);
        assertThat(meanMs(new Latency(Distribution.EXPONENTIAL, 10.0, 0.0))).isBetween(9.4, 10.6);
    }

    @Test
    void noLatencyIsNoWait() {
        assertThat(LatencySampler.sampleNanos(null)).isZero();
    }
}
