package io.clusterdeck.service.gateway;

import io.clusterdeck.design.Balancing;
import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.protocol.Registration;
import io.clusterdeck.service.FakeClock;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class BalancerTest {
    private static WorkerEntry worker(String name, int weight) {
        return new WorkerEntry(new Registration(name, "shop", "http://127.0.0.1:1", 1, weight, List.of()),
                new WorkerHealth(HealthCheck.DEFAULT, new FakeClock()), null, new io.clusterdeck.http.ServiceMetrics("test"), 1);
    }

    private final List<WorkerEntry> workers = List.of(worker("a", 1), worker("b", 1), worker("c", 1));

    @Test
    void roundRobinTakesEachWorkerInTurn() {
        var balancer = Balancer.of(Balancing.ROUND_ROBIN);

        var picked = IntStream.range(0, 6).mapToObj(i -> balancer.pick(workers, null).name()).toList();

        assertThat(picked).containsExactly("a", "b", "c", "a", "b", "c");
    }

    @Test
    void leastRequestsPrefersTheLessBusyWorker() {
        var busy = worker("busy", 1);
        var idle = worker("idle", 1);
        for (int i = 0; i < 5; i++) {
            busy.started();
        }
        var balancer = Balancer.of(Balancing.LEAST_REQUESTS);

        var picked = IntStream.range(0, 20).mapToObj(i -> balancer.pick(List.of(busy, idle), null).name()).distinct().toList();

        assertThat(picked).containsExactly("idle");
    }

    @Test
    void weightedGivesEachWorkerItsShare() {
        var heavy = worker("heavy", 9);
        var light = worker("light", 1);
        var balancer = Balancer.of(Balancing.WEIGHTED);
        var counts = new HashMap<String, Integer>();

        for (int i = 0; i < 2_000; i++) {
            counts.merge(balancer.pick(List.of(heavy, light), null).name(), 1, Integer::sum);
        }

        assertThat(counts.get("heavy")).isBetween(1_600, 1_950);
    }

    @Test
    void stickySendsTheSameKeyToTheSameWorker() {
        var balancer = Balancer.of(Balancing.STICKY);

        var picked = IntStream.range(0, 10).mapToObj(i -> balancer.pick(workers, "shopper-7").name()).distinct().toList();

        assertThat(picked).hasSize(1);
    }

    @Test
    void stickyFallsBackToTheSameOtherWorkerWhateverTheOrderAndReturnsWhenItsOwnIsBack() {
        var balancer = Balancer.of(Balancing.STICKY);
        var own = balancer.pick(workers, "shopper-7");
        var others = workers.stream().filter(w -> w != own).toList();
        var othersReversed = List.of(others.get(1), others.get(0));

        var fallbacks = IntStream.range(0, 10).mapToObj(i -> balancer.pick(i % 2 == 0 ? others : othersReversed,
                "shopper-7").name()).distinct().toList();

        assertThat(own.name()).isEqualTo("b");
        assertThat(fallbacks).containsExactly("c");
        assertThat(balancer.pick(workers, "shopper-7")).isSameAs(own);
    }

    @Test
    void stickySharesKeysEvenlyAndMovesOnlyTheKeysOfAWorkerThatIsGoneSpreadingThemOverTheOthers() {
        var balancer = Balancer.of(Balancing.STICKY);
        var keys = IntStream.range(0, 300).mapToObj(i -> "shopper-" + i).toList();
        var without = List.of(workers.get(0), workers.get(2));

        var owned = new HashMap<String, Integer>();
        var moved = new HashMap<String, Integer>();
        for (var key : keys) {
            var before = balancer.pick(workers, key).name();
            owned.merge(before, 1, Integer::sum);
            var after = balancer.pick(without, key).name();
            if (before.equals("b")) {
                moved.merge(after, 1, Integer::sum);
            } else {
                assertThat(after).as(key).isEqualTo(before);
            }
        }

        assertThat(owned).containsOnlyKeys("a", "b", "c");
        assertThat(owned.values()).allSatisfy(count -> assertThat(count).isBetween(70, 130));
        assertThat(moved).containsOnlyKeys("a", "c");
        assertThat(moved.values()).allSatisfy(count -> assertThat(count).isGreaterThan(25));
    }
}
