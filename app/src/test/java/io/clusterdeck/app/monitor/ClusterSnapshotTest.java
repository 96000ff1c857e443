package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.json.StrictJson;
import io.clusterdeck.protocol.ClusterState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ClusterSnapshotTest {
    /** A gateway's answer as it crosses the wire, read into the record both ends share. */
    private static ClusterState state(String json) throws Exception {
        return StrictJson.mapper().readValue(json, ClusterState.class);
    }

    @Test
    void theGatewaysClusterAnswerIsReadFromTheSharedRecord() throws Exception {
        var json = """
                {"gateway":"gateway","time":"2026-03-02T10:00:05Z",
                 "workers":[{"name":"worker-images-1","segment":"images","url":"http://127.0.0.1:7411","pid":4321,
                   "weight":2,"state":"suspect","since":"2026-03-02T10:00:04Z","inFlight":3,"served":120,"errors":4,
                   "latencyMs":{"p50":40.5,"p90":60.0,"p99":88.25,"max":120.0}}],
                 "routes":[{"segment":"images","balancing":"least-requests","functions":["images/thumbnail"],
                   "workers":["worker-images-1"]}]}
                """;

        var snapshot = ClusterSnapshot.of(state(json));

        assertThat(snapshot.time()).isEqualTo(Instant.parse("2026-03-02T10:00:05Z"));
        assertThat(snapshot.workers()).containsExactly(new ClusterSnapshot.WorkerStats("worker-images-1", "images",
                4321, 2, "suspect", 3, 120, 4, 40.5, 88.25));
        assertThat(snapshot.route("images")).contains(new ClusterSnapshot.Route("images", "least-requests",
                List.of("images/thumbnail"), List.of("worker-images-1")));
    }

    private static final Instant T = Instant.parse("2026-03-02T10:00:05Z");

    private static ClusterSnapshot.WorkerStats worker(String name, String state, long inFlight, long served, long errors,
                                                      double p50, double p99) {
        return new ClusterSnapshot.WorkerStats(name, "images", 4321, 1, state, inFlight, served, errors, p50, p99);
    }

    private static ClusterSnapshot answer(String gateway, Instant time, List<String> inRotation,
                                          ClusterSnapshot.WorkerStats... workers) {
        var route = new ClusterSnapshot.Route("images", "round-robin", List.of("images/thumbnail"), inRotation);
        return new ClusterSnapshot(time, List.of(workers), List.of(route),
                List.of(new ClusterSnapshot.Gateway(gateway, time, List.of(workers))));
    }

    @Test
    void mergingAddsUpEachWorkersCountersOverTheGatewaysAndKeepsWhatEachGatewayForwarded() {
        var one = answer("gateway-1", T, List.of("worker-images-1"),
                worker("worker-images-1", "healthy", 2, 300, 3, 40, 90),
                worker("worker-images-2", "healthy", 1, 100, 0, 30, 60));
        var two = answer("gateway-2", T.plusMillis(20), List.of("worker-images-2"),
                worker("worker-images-1", "healthy", 1, 100, 1, 80, 150));

        var merged = ClusterSnapshot.merge(List.of(one, two)).orElseThrow();

        assertThat(merged.time()).isEqualTo(T.plusMillis(20));
        assertThat(merged.worker("worker-images-1")).contains(worker("worker-images-1", "healthy", 3, 400, 4,
                (40 * 300 + 80 * 100) / 400.0, 150));
        assertThat(merged.worker("worker-images-2")).contains(worker("worker-images-2", "healthy", 1, 100, 0, 30, 60));
        assertThat(merged.route("images").orElseThrow().inRotation()).containsExactly("worker-images-1",
                "worker-images-2");
        assertThat(merged.gateways()).extracting(ClusterSnapshot.Gateway::name, ClusterSnapshot.Gateway::calls,
                ClusterSnapshot.Gateway::inFlight).containsExactly(org.assertj.core.groups.Tuple.tuple("gateway-1", 400L, 3L),
                org.assertj.core.groups.Tuple.tuple("gateway-2", 100L, 1L));
    }

    @Test
    void aGatewayThatDoesNotAnswerIsLeftOutAndNoAnswerAtAllIsNoSnapshot() throws Exception {
        var json = state("""
                {"gateway":"gateway-1","time":"2026-03-02T10:00:05Z",
                 "workers":[{"name":"worker-images-1","segment":"images","state":"healthy","served":120}],
                 "routes":[{"segment":"images","balancing":"round-robin","functions":[],"workers":["worker-images-1"]}]}
                """);
        var answers = new LinkedHashMap<String, ClusterState>();
        answers.put("gateway-1", json);

        var merged = ClusterSnapshot.of(answers).orElseThrow();

        assertThat(merged.gateways()).extracting(ClusterSnapshot.Gateway::name).containsExactly("gateway-1");
        assertThat(merged.worker("worker-images-1").orElseThrow().served()).isEqualTo(120);
        assertThat(merged.statesOf("worker-images-1")).containsExactly(Map.entry("gateway-1", "healthy"));
        assertThat(ClusterSnapshot.of(Map.of())).isEmpty();
    }

    @Test
    void eachGatewaysAnswerIsReadUnderTheNameItWasAskedBy() throws Exception {
        var json = state("{\"time\":\"2026-03-02T10:00:05Z\",\"workers\":[],\"routes\":[]}");

        assertThat(ClusterSnapshot.of("gateway-2", json).gateways()).extracting(ClusterSnapshot.Gateway::name)
                .containsExactly("gateway-2");
        assertThat(ClusterSnapshot.of(json).gateways()).extracting(ClusterSnapshot.Gateway::name)
                .containsExactly("gateway");
    }

    @Test
    void aWorkerShowsTheWorstStateOfTheGatewaysThatCheckedItAndStartingOnlyWhileNoneHas() {
        assertThat(ClusterSnapshot.mergedState(List.of("starting", "healthy"))).isEqualTo("healthy");
        assertThat(ClusterSnapshot.mergedState(List.of("healthy", "starting"))).isEqualTo("healthy");
        assertThat(ClusterSnapshot.mergedState(List.of("healthy", "suspect"))).isEqualTo("suspect");
        assertThat(ClusterSnapshot.mergedState(List.of("unhealthy", "healthy", "suspect"))).isEqualTo("unhealthy");
        assertThat(ClusterSnapshot.mergedState(List.of("starting", "starting"))).isEqualTo("starting");
        assertThat(ClusterSnapshot.mergedState(List.of())).isNull();
    }

    @Test
    void theMergedStateOfAWorkerFollowsTheSameRule() {
        var restarted = answer("gateway-2", T, List.of(), worker("worker-images-1", "starting", 0, 0, 0, 0, 0));
        var steady = answer("gateway-1", T, List.of("worker-images-1"),
                worker("worker-images-1", "healthy", 0, 50, 0, 10, 20));

        var merged = ClusterSnapshot.merge(List.of(restarted, steady)).orElseThrow();

        assertThat(merged.worker("worker-images-1").orElseThrow().state()).isEqualTo("healthy");
        assertThat(merged.statesOf("worker-images-1")).containsExactly(Map.entry("gateway-2", "starting"),
                Map.entry("gateway-1", "healthy"));
    }
}
