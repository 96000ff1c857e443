package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ClusterSnapshotTest {
    @Test
    void theGatewaysClusterAnswerIsRead() throws Exception {
        var json = """
                {"gateway":"gateway","time":"2026-03-02T10:00:05Z",
                 "workers":[{"name":"worker-images-1","segment":"images","url":"http://127.0.0.1:7411","pid":4321,
                   "weight":2,"state":"suspect","since":"2026-03-02T10:00:04Z","inFlight":3,"served":120,"errors":4,
                   "latencyMs":{"p50":40.5,"p90":60.0,"p99":88.25,"max":120.0}}],
                 "routes":[{"segment":"images","balancing":"least-requests","functions":["images/thumbnail"],
                   "workers":["worker-images-1"]}]}
                """;

        var snapshot = ClusterSnapshot.fromJson(new ObjectMapper().readTree(json));

        assertThat(snapshot.time()).isEqualTo(Instant.parse("2026-03-02T10:00:05Z"));
        assertThat(snapshot.workers()).containsExactly(new ClusterSnapshot.WorkerStats("worker-images-1", "images",
                4321, 2, "suspect", 3, 120, 4, 40.5, 88.25));
        assertThat(snapshot.route("images")).contains(new ClusterSnapshot.Route("images", "least-requests",
                List.of("images/thumbnail"), List.of("worker-images-1")));
    }
}
