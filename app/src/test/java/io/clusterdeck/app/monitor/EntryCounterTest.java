package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntryCounterTest {
    @Test
    void theCallsOfEveryFunctionWorkerAndOutcomeAreAddedUp() {
        var metrics = """
                # HELP clusterdeck_calls_total Calls finished, by function, worker and outcome
                # TYPE clusterdeck_calls_total counter
                clusterdeck_calls_total{function="api/quote",outcome="ok",service="proxy",worker="worker-api-1"} 120.0
                clusterdeck_calls_total{function="api/quote",outcome="server_error",service="proxy",worker="none"} 3.0
                clusterdeck_calls_total{function="api/order",outcome="ok",service="proxy",worker="worker-api-2"} 77.0
                clusterdeck_call_seconds_count{function="api/quote",service="proxy",worker="worker-api-1"} 120
                """;

        assertThat(EntryCounter.sum(metrics)).isEqualTo(200);
    }

    @Test
    void textWithoutCallsCountsNone() {
        assertThat(EntryCounter.sum("# nothing yet\n")).isZero();
    }
}
