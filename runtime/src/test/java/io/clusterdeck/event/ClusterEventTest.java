package io.clusterdeck.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.http.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterEventTest {
    @Test
    void eventIsOneJsonObjectWithAnIsoInstant() throws Exception {
        var event = ClusterEvent.of(Instant.parse("2026-01-01T10:00:00.123Z"), EventType.NO_WORKER, "gateway", null,
                "shop", "no healthy worker");

        var json = Json.text(event);

        assertThat(json).isEqualTo("{\"time\":\"2026-01-01T10:00:00.123Z\",\"type\":\"no-worker\",\"source\":\"gateway\","
                + "\"segment\":\"shop\",\"reason\":\"no healthy worker\"}");
        assertThat(Json.mapper().readValue(json, ClusterEvent.class)).isEqualTo(event);
    }

    @Test
    void subscriberGetsTheRecentEventsThenNewOnesInOrder() {
        var log = new EventLog(2);
        for (var type : new EventType[] {EventType.REGISTERED, EventType.HEALTHY, EventType.SUSPECT}) {
            log.publish(ClusterEvent.of(Instant.now(), type, "gateway", "w", "s", "r"));
        }
        var seen = new java.util.ArrayList<EventType>();

        log.subscribe(e -> seen.add(e.type()));
        log.publish(ClusterEvent.of(Instant.now(), EventType.UNHEALTHY, "gateway", "w", "s", "r"));

        assertThat(seen).containsExactly(EventType.HEALTHY, EventType.SUSPECT, EventType.UNHEALTHY);
    }
}
