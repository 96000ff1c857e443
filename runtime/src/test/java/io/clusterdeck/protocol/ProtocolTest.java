package io.clusterdeck.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.json.InvalidValueException;
import io.clusterdeck.service.EventStream;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The messages that cross a process boundary read back as the records both ends share. */
class ProtocolTest {
    @Test
    void aWorkersHealthAnswerIsTheHealthRecordAsJsonToTheByte() {
        var answers = new Health.WorkerAnswers("worker-a \"1\"", "orders");

        assertThat(new String(answers.of(true, 2, 40))).isEqualTo(new String(Json.bytes(Health.worker(true, "worker-a \"1\"", "orders", 2, 40))));
        assertThat(new String(answers.of(false, 0, 7))).isEqualTo(new String(Json.bytes(Health.worker(false, "worker-a \"1\"", "orders", 0, 7))));
        assertThat(Health.statusOf(answers.of(true, 0, 0))).isEqualTo(Health.UP);
    }

    @Test
    void theStatusOfAHealthAnswerIsReadWithoutAMapperAndItsAbsenceOrMalformationNamed() {
        var answers = new Health.WorkerAnswers("worker-a", "orders");

        assertThat(Health.statusOf(answers.of(false, 0, 0))).isEqualTo(Health.DOWN);
        assertThat(Health.statusOf(Json.bytes(Health.gateway("gateway", 3).tree()))).isEqualTo(Health.UP);
        assertThat(Health.statusOf("{\"name\":\"w\",\"status\":\"UP\",\"extra\":1}".getBytes())).isEqualTo(Health.UP);
        assertThat(Health.statusOf("{\"name\":\"w\"}".getBytes())).isEqualTo("nothing");
        assertThat(Health.statusOf("null".getBytes())).isEqualTo("nothing");
        assertThat(Health.statusOf("<html>".getBytes())).isEqualTo("malformed health");
        assertThat(Health.statusOf("[1]".getBytes())).isEqualTo("malformed health");
        assertThat(Health.statusOf(new byte[0])).isEqualTo("malformed health");
    }

    @Test
    void aRegistrationRoundTripsThroughItsJson() throws Exception {
        var registration = new Registration("worker-orders-1", "orders", "http://127.0.0.1:7412", 4321, 2,
                List.of("orders/checkout", "payments/charge"));

        var read = StrictJson.mapper().readValue(Json.bytes(registration), Registration.class);

        assertThat(read).isEqualTo(registration);
    }

    @Test
    void aRegistrationsTreeIsWhatTheMapperWritesOfTheRecordToTheByte() throws Exception {
        var registration = new Registration("worker-\"a\"", "orders", "http://127.0.0.1:7412", 4321, 2,
                List.of("orders/checkout", "payments/charge"));

        assertThat(new String(Json.bytes(registration.tree())))
                .isEqualTo(Json.mapper().writeValueAsString(registration));
    }

    @Test
    void aRegistrationIsReadFromItsTreeAsTheMapperReadsItAndMissingNumbersAreZero() throws Exception {
        var full = "{\"name\":\"worker-orders-1\",\"segment\":\"orders\",\"url\":\"http://127.0.0.1:7412\","
                + "\"pid\":4321,\"weight\":2,\"functions\":[\"orders/checkout\",\"payments/charge\"]}";
        var bare = "{\"name\":\"worker-orders-1\",\"segment\":\"orders\",\"url\":\"http://127.0.0.1:7412\"}";

        for (var text : List.of(full, bare)) {
            assertThat(Registration.of(Json.tree(text.getBytes())))
                    .isEqualTo(Json.mapper().readValue(text, Registration.class));
        }
        assertThat(Registration.of(Json.tree(bare.getBytes())).weight()).isEqualTo(1);
    }

    @Test
    void aRegistrationTreeWithAnUnknownFieldOrAValueOfTheWrongTypeIsRefusedWithTheField() {
        var cases = List.of(
                List.of("{\"name\":\"w\",\"segment\":\"s\",\"url\":\"http://h:1\",\"colour\":\"red\"}", "colour"),
                List.of("{\"name\":7,\"segment\":\"s\",\"url\":\"http://h:1\"}", "name: must be a string"),
                List.of("{\"name\":\"w\",\"segment\":\"s\",\"url\":\"http://h:1\",\"pid\":1.5}", "pid: must be a whole number"),
                List.of("{\"name\":\"w\",\"segment\":\"s\",\"url\":\"http://h:1\",\"functions\":\"a\"}",
                        "functions: must be a list of strings"),
                List.of("{\"name\":\"w\",\"segment\":\"s\",\"url\":\"http://h:1\",\"functions\":[1]}",
                        "functions: must be a list of strings"),
                List.of("{\"segment\":\"s\",\"url\":\"http://h:1\"}", "name: is required"),
                List.of("{\"name\":\"w\",\"segment\":\"s\",\"url\":\"http://h:1\",\"weight\":4294967296}",
                        "weight: must be a whole number of at most"),
                List.of("[1]", "expected an object"));

        for (var c : cases) {
            assertThatThrownBy(() -> Registration.of(Json.tree(c.get(0).getBytes()))).as(c.get(0))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining(c.get(1));
        }
    }

    @Test
    void theGatewaysAnswersViewsAndEventsAreWhatTheMapperWritesOfTheirRecordsToTheByte() throws Exception {
        var answer = new RegistrationAnswer(true, "worker-\"a\"", "gateway", 500);
        var goodbye = new Deregistered("worker-a");
        var view = new ClusterState("gateway", "2026-12-01T06:00:00.125Z", List.of(
                new ClusterState.Worker("worker-orders-1", "orders", "http://127.0.0.1:7412", 4321, 2, "healthy",
                        "2026-12-01T06:00:00Z", 1, 250, 3, new ClusterState.Latency(0.25, 1.5, 12.125, 40)),
                new ClusterState.Worker("worker-orders-2", null, "http://127.0.0.1:7413", 0, 1, "starting",
                        "2026-12-01T06:00:00Z", 0, 0, 0, null)),
                List.of(new ClusterState.Route("orders", "round-robin", List.of("orders/checkout"),
                        List.of("worker-orders-1")), new ClusterState.Route("empty", "sticky", List.of(), List.of())));
        var events = List.of(ClusterEvent.of(java.time.Instant.parse("2026-12-01T06:00:00.125Z"), EventType.UNHEALTHY,
                "gateway", "worker-orders-1", "orders", "2 failed \"health\" checks"),
                ClusterEvent.of(java.time.Instant.parse("2026-12-01T06:00:01Z"), EventType.SCALED, "launcher", null,
                        "orders", null));

        assertThat(new String(Json.bytes(answer.tree()))).isEqualTo(Json.mapper().writeValueAsString(answer));
        assertThat(new String(Json.bytes(goodbye.tree()))).isEqualTo(Json.mapper().writeValueAsString(goodbye));
        assertThat(new String(Json.bytes(view.tree()))).isEqualTo(Json.mapper().writeValueAsString(view));
        assertThat(new ClusterState(null, null, null, null).tree().toString())
                .isEqualTo(Json.mapper().writeValueAsString(new ClusterState(null, null, null, null)));
        for (var event : events) {
            assertThat(new String(Json.bytes(EventStream.tree(event)))).isEqualTo(Json.mapper().writeValueAsString(event));
        }
    }

    @Test
    void anEventReadsBackFromItsStreamLineAsTheMapperReadsItAndAnythingElseIsRefused() throws Exception {
        var events = List.of(ClusterEvent.of(java.time.Instant.parse("2026-12-01T06:00:00.125Z"), EventType.HEALTHY,
                "gateway", "worker-orders-1", "orders", "passed its first \"health\" check"),
                ClusterEvent.of(java.time.Instant.parse("2026-12-01T06:00:01Z"), EventType.SCALED, "launcher", null,
                        "orders", null));

        for (var event : events) {
            var line = new String(Json.bytes(EventStream.tree(event)));

            assertThat(EventStream.event(line)).isEqualTo(event)
                    .isEqualTo(StrictJson.mapper().readValue(line, ClusterEvent.class));
        }
        for (var notAnEvent : List.of("[1]", "", "{\"time\":\"2026-12-01T06:00:00Z\",\"type\":\"nonsense\",\"source\":\"g\"}",
                "{\"type\":\"healthy\",\"source\":\"g\"}", "{\"time\":")) {
            assertThatThrownBy(() -> EventStream.event(notAnEvent)).as(notAnEvent).isInstanceOfAny(
                    java.io.IOException.class, IllegalArgumentException.class, NullPointerException.class);
        }
    }

    @Test
    void theHealthyWorkersOfAViewAreReadFromItsTreeAlone() throws Exception {
        var view = new ClusterState("gateway", "2026-12-01T06:00:00Z", List.of(
                new ClusterState.Worker("worker-a", "s", "http://127.0.0.1:1", 1, 1, "healthy", "2026-12-01T06:00:00Z",
                        0, 0, 0, null),
                new ClusterState.Worker("worker-b", "s", "http://127.0.0.1:2", 2, 1, "starting", "2026-12-01T06:00:00Z",
                        0, 0, 0, null),
                new ClusterState.Worker("worker-c", "s", "http://127.0.0.1:3", 3, 1, "healthy", "2026-12-01T06:00:00Z",
                        0, 0, 0, null)), List.of());

        assertThat(ClusterState.healthyWorkers(Json.tree(Json.bytes(view.tree()))))
                .containsExactlyInAnyOrder("worker-a", "worker-c");
        assertThat(ClusterState.healthyWorkers(Json.tree("{}".getBytes()))).isEmpty();
    }

    @Test
    void everyRolesHealthTreeIsWhatTheMapperWritesOfTheRecordToTheByte() throws Exception {
        var answers = List.of(Health.up("repository"), Health.gateway("gateway-2", 7),
                Health.worker(false, "worker-\"a\"", "orders", 1, 9),
                Health.proxy("proxy", List.of(new Health.Member("gateway-1", true, 12), new Health.Member("gateway-2", false, 0))),
                new Health(null, null, null, null, null, null, null));

        for (var health : answers) {
            assertThat(new String(Json.bytes(health.tree()))).isEqualTo(Json.mapper().writeValueAsString(health));
        }
    }

    @Test
    void aRegistrationWithoutAUsableUrlIsRefusedWithTheField() {
        assertThatThrownBy(() -> new Registration("w", "s", "not a url", 1, 1, List.of()))
                .hasMessageContaining("url").hasMessageContaining("not a url");
    }

    @Test
    void theGatewaysAnswerToARegistrationRoundTrips() throws Exception {
        var answer = new RegistrationAnswer(true, "worker-orders-1", "gateway-2", 500);

        var read = StrictJson.mapper().readValue(Json.bytes(answer), RegistrationAnswer.class);

        assertThat(read).isEqualTo(answer);
    }

    @Test
    void aClusterStateRoundTripsThroughItsJson() throws Exception {
        var state = new ClusterState("gateway-1", "2026-03-02T10:00:05Z", List.of(new ClusterState.Worker(
                "worker-images-1", "images", "http://127.0.0.1:7414", 4321, 1, "healthy", "2026-03-02T10:00:01Z", 2,
                120, 3, new ClusterState.Latency(4.5, 7.0, 12.25, 30.0))), List.of(new ClusterState.Route("images",
                "least-requests", List.of("images/thumbnail"), List.of("worker-images-1"))));

        var read = StrictJson.mapper().readValue(Json.bytes(state), ClusterState.class);

        assertThat(read).isEqualTo(state);
        assertThat(read.worker("worker-images-1").orElseThrow().healthy()).isTrue();
    }

    @Test
    void whatAGatewayAnswersOnClusterReadsBackAsAClusterState() throws Exception {
        try (var cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 2_000, 1, 1)) {
            TestHttp.post(cluster.rpc("shop/read"), "{}");

            var state = StrictJson.mapper().readValue(TestHttp.get(cluster.gateway.url() + Paths.CLUSTER).body(),
                    ClusterState.class);

            assertThat(state.gateway()).isEqualTo("gateway");
            assertThat(state.workers()).extracting(ClusterState.Worker::name)
                    .containsExactlyInAnyOrder("worker-shop-1", "worker-stock-1");
            assertThat(state.workers()).allSatisfy(w -> assertThat(w.healthy()).isTrue());
            assertThat(state.worker("worker-shop-1").orElseThrow().served()).isEqualTo(1);
            assertThat(state.routes()).extracting(ClusterState.Route::segment).containsExactly("shop", "stock");
        }
    }

    @Test
    void healthAnswersRoundTripAndSayOnlyWhatTheirRoleAdds() throws Exception {
        var worker = Health.worker(false, "worker-orders-1", "orders", 2, 40);
        var proxy = Health.proxy("proxy", List.of(new Health.Member("http://127.0.0.1:7401", true, 12)));

        assertThat(StrictJson.mapper().readValue(Json.bytes(worker), Health.class)).isEqualTo(worker);
        assertThat(StrictJson.mapper().readValue(Json.bytes(proxy), Health.class)).isEqualTo(proxy);
        assertThat(Json.text(Health.up("repository"))).isEqualTo("{\"status\":\"UP\",\"name\":\"repository\"}");
        assertThat(Json.text(worker)).startsWith("{\"status\":\"DOWN\"");
    }

    @Test
    void whatAWorkerAnswersOnHealthReadsBackAsHealth() throws Exception {
        try (var cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 2_000, 1, 0)) {
            var answer = TestHttp.get(cluster.workers.get(0).url() + Paths.HEALTH);

            var health = StrictJson.mapper().readValue(answer.body(), Health.class);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(health.isUp()).isTrue();
            assertThat(health.name()).isEqualTo("worker-shop-1");
            assertThat(health.segment()).isEqualTo("shop");
            assertThat(health.inFlight()).isZero();
        }
    }

    @Test
    void adminRequestsRoundTripAndAMistypedOrUnknownFieldIsRefusedByName() {
        var flag = new AdminRequests.HealthFlag(false);

        assertThat(Json.request(Json.bytes(flag), AdminRequests.HealthFlag.class)).isEqualTo(flag);
        assertThatThrownBy(() -> Json.request("{\"healthy\": \"maybe\"}".getBytes(), AdminRequests.HealthFlag.class))
                .isInstanceOf(ServiceException.class).hasMessageContaining("'healthy' has the wrong type");
        assertThatThrownBy(() -> Json.request("{\"addedMS\": 5}".getBytes(), AdminRequests.AddedLatency.class))
                .isInstanceOf(ServiceException.class).hasMessageContaining("unknown field 'addedMS'");
    }

    @Test
    void aServicesErrorAnswerReadsBackWithItsStatusCodeAndMessage() throws Exception {
        var failure = ServiceException.unknownFunction("orders/refund");

        var read = StrictJson.mapper().readValue(Responses.errorBody(failure), ErrorAnswer.class);

        assertThat(read).isEqualTo(ErrorAnswer.of(failure.status(), failure.code(), failure.getMessage()));
        assertThat(read.error().status()).isEqualTo(404);
    }

    @Test
    void anErrorAnswersTreeIsWhatTheMapperWritesOfTheRecordToTheByte() throws Exception {
        var answer = ErrorAnswer.of(502, "bad_answer", "'orders/checkout' answered \"nothing\"");
        var withoutMessage = ErrorAnswer.of(503, "no_worker", null);

        assertThat(new String(Json.bytes(answer.tree()))).isEqualTo(Json.mapper().writeValueAsString(answer));
        assertThat(new String(Json.bytes(withoutMessage.tree()))).isEqualTo(Json.mapper().writeValueAsString(withoutMessage));
    }

    @Test
    void theErrorOfAnAnswerIsReadIgnoringWhatItDoesNotKnowAndNothingFromAnotherAnswer() throws Exception {
        var answer = Json.tree("{\"error\":{\"status\":429,\"code\":\"busy\",\"message\":\"later\",\"retry\":1},\"at\":3}".getBytes());

        assertThat(ErrorAnswer.errorOf(answer)).contains(new ErrorAnswer.Error(429, "busy", "later"));
        assertThat(ErrorAnswer.errorOf(Json.tree("{\"error\":{\"status\":\"x\",\"code\":7}}".getBytes())))
                .contains(new ErrorAnswer.Error(0, null, null));
        assertThat(ErrorAnswer.errorOf(Json.tree("{\"function\":\"a/b\"}".getBytes()))).isEmpty();
        assertThat(ErrorAnswer.errorOf(Json.tree("[]".getBytes()))).isEmpty();
    }

    @Test
    void theControlChannelsAnswersRoundTrip() throws Exception {
        var done = new ControlAnswer.Done("kill worker-images-2");
        var failed = new ControlAnswer.Failed("unknown process 'x'");

        assertThat(StrictJson.mapper().readValue(StrictJson.write(done), ControlAnswer.Done.class)).isEqualTo(done);
        assertThat(StrictJson.mapper().readValue(StrictJson.write(failed), ControlAnswer.Failed.class)).isEqualTo(failed);
    }

    @Test
    void anRpcPathNamesItsFunctionAndNoOtherPathDoes() {
        assertThat(Paths.rpc("orders/checkout")).isEqualTo("/rpc/orders/checkout");
        assertThat(Paths.functionOf("/rpc/orders/checkout")).isEqualTo("orders/checkout");
        assertThat(Paths.functionOf("/health")).isEmpty();
    }
}
