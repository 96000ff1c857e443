package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CallCountersTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private final CallCounters counters = new CallCounters();

    /** A gateway's answer at {@code seconds}: pairs of worker name and the calls it served through the gateway. */
    private static ClusterSnapshot.Gateway gateway(String name, double seconds, Object... servedByWorker) {
        var workers = new ArrayList<ClusterSnapshot.WorkerStats>();
        for (int i = 0; i < servedByWorker.length; i += 2) {
            workers.add(new ClusterSnapshot.WorkerStats((String) servedByWorker[i], "images", 1, 1, "healthy", 0,
                    ((Number) servedByWorker[i + 1]).longValue(), 0, 5, 9));
        }
        return new ClusterSnapshot.Gateway(name, T.plusMillis((long) (seconds * 1000)), workers);
    }

    private CallCounters.Rates read(ClusterSnapshot.Gateway... gateways) {
        var latest = List.of(gateways).stream().map(ClusterSnapshot.Gateway::time).max(Instant::compareTo).orElse(T);
        return counters.next(new ClusterSnapshot(latest, List.of(), List.of(), List.of(gateways)));
    }

    @Test
    void aWorkersRateAddsUpWhatEachGatewayForwardedToItAndEachGatewaysRateIsItsOwn() {
        read(gateway("gateway-1", 0, "w1", 100, "w2", 50), gateway("gateway-2", 0, "w1", 80, "w2", 40));

        var rates = read(gateway("gateway-1", 1, "w1", 130, "w2", 70), gateway("gateway-2", 1, "w1", 90, "w2", 45));

        assertThat(rates.byWorker().get("w1")).isCloseTo(40, within(1e-9));
        assertThat(rates.byWorker().get("w2")).isCloseTo(25, within(1e-9));
        assertThat(rates.byGateway()).containsExactly(java.util.Map.entry("gateway-1", 50.0),
                java.util.Map.entry("gateway-2", 15.0));
    }

    @Test
    void theFirstReadingOfAGatewayIsItsStartingPointNotABurst() {
        var rates = read(gateway("gateway-1", 0, "w1", 10_000));

        assertThat(rates.byWorker().get("w1")).isZero();
        assertThat(rates.byGateway().get("gateway-1")).isZero();
    }

    @Test
    void aGatewayThatStopsAnsweringTakesItsShareAwayWithoutTheOthersCountsReadingAsARestart() {
        read(gateway("gateway-1", 0, "w1", 5_000), gateway("gateway-2", 0, "w1", 4_000));
        read(gateway("gateway-1", 1, "w1", 5_020), gateway("gateway-2", 1, "w1", 4_020));

        var rates = read(gateway("gateway-1", 2, "w1", 5_060));

        assertThat(rates.byWorker().get("w1")).isCloseTo(40, within(1e-9));
        assertThat(rates.byGateway()).containsOnlyKeys("gateway-1");
    }

    @Test
    void aRestartedGatewayCountsFromZeroAndWhatItCountedSinceIsNew() {
        read(gateway("gateway-1", 0, "w1", 5_000), gateway("gateway-2", 0, "w1", 4_000));
        read(gateway("gateway-1", 1, "w1", 5_020));

        var rates = read(gateway("gateway-1", 2, "w1", 5_040), gateway("gateway-2", 2, "w1", 30));

        // gateway-2 was last read two seconds before: its 30 new calls spread over them.
        assertThat(rates.byGateway().get("gateway-2")).isCloseTo(15, within(1e-9));
        assertThat(rates.byWorker().get("w1")).isCloseTo(20 + 15, within(1e-9));
    }

    @Test
    void aGatewayThatAnswersAgainAfterAPauseIsNotReadAsABurst() {
        read(gateway("gateway-2", 0, "w1", 4_000));
        read();

        var rates = read(gateway("gateway-2", 4, "w1", 4_040));

        assertThat(rates.byGateway().get("gateway-2")).isCloseTo(10, within(1e-9));
    }

    @Test
    void aWorkerThatRegisteredAgainWithAGatewayCountsFromZero() {
        read(gateway("gateway-1", 0, "w1", 900, "w2", 900));
        read(gateway("gateway-1", 1, "w2", 910));

        var rates = read(gateway("gateway-1", 2, "w1", 7, "w2", 920));

        assertThat(rates.byWorker().get("w1")).isCloseTo(7, within(1e-9));
        assertThat(rates.byWorker().get("w2")).isCloseTo(10, within(1e-9));
    }
}
