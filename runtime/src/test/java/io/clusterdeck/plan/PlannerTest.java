package io.clusterdeck.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.json.DocumentException;
import io.clusterdeck.json.StrictJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final Path DESIGNS = Path.of("..", "designs").toAbsolutePath().normalize();
    private final Design webshop = DesignFiles.load(DESIGNS.resolve("webshop.json")).orThrow();
    private final PlanOptions options = PlanOptions.local(DESIGNS).withCores(4);

    @Test
    void webshopPlanListsEveryProcessWithItsPortInStartOrder() {
        var plan = Planner.plan(webshop, options);

        assertThat(plan.processes()).extracting(p -> p.name() + "@" + p.port()).containsExactly(
                "repository@7402", "gateway@7401",
                "worker-storefront-1@7410", "worker-storefront-2@7411",
                "worker-orders-1@7412", "worker-orders-2@7413",
                "worker-images-1@7414", "worker-images-2@7415", "worker-images-3@7416",
                "proxy@7400");
        assertThat(plan.entryUrl()).isEqualTo("http://127.0.0.1:7400");
    }

    @Test
    void gatewayReplicasAreNumberedGetPortsBeforeTheWorkersAndAreEachKnownToWorkersAndProxy() {
        var twoGateways = webshop.withGateway(webshop.gateway().withReplicas(2));

        var plan = Planner.plan(twoGateways, options);

        assertThat(plan.gateways()).extracting(p -> p.name() + "@" + p.port() + "#" + p.instance())
                .containsExactly("gateway-1@7401#1", "gateway-2@7403#2");
        assertThat(plan.gateways()).extracting(p -> p.config().name()).containsExactly("gateway-1", "gateway-2");
        assertThat(plan.process("worker-storefront-1").orElseThrow().port()).isEqualTo(7410);
        assertThat(plan.withRole(Role.WORKER)).allSatisfy(w -> assertThat(((WorkerConfig) w.config()).gatewayUrls())
                .containsExactly("http://127.0.0.1:7401", "http://127.0.0.1:7403"));
        var proxy = (ProxyConfig) plan.process("proxy").orElseThrow().config();
        assertThat(proxy.rpcUrls()).containsExactly("http://127.0.0.1:7401", "http://127.0.0.1:7403");
        assertThat(proxy.tryTimeoutMs()).isEqualTo(1_000);
    }

    @Test
    void planningTheSameDesignTwiceGivesTheSameResult() {
        var first = Planner.plan(webshop, options);
        var second = Planner.plan(DesignFiles.load(DESIGNS.resolve("webshop.json")).orThrow(), options);

        assertThat(second).isEqualTo(first);
        assertThat(StrictJson.write(second)).isEqualTo(StrictJson.write(first));
    }

    @Test
    void workerConfigHoldsOnlyItsSegmentsFunctionsAndPointsAtTheGateway() {
        var worker = (WorkerConfig) Planner.plan(webshop, options).process("worker-orders-2").orElseThrow().config();

        assertThat(worker.segment()).isEqualTo("orders");
        assertThat(worker.functions()).extracting(f -> f.name())
                .containsExactly("orders/checkout", "payments/charge", "inventory/reserve");
        assertThat(worker.gatewayUrls()).containsExactly("http://127.0.0.1:7401");
        assertThat(worker.repositoryUrl()).isEqualTo("http://127.0.0.1:7402");
    }

    @Test
    void gatewayKnowsWhereEveryFunctionRunsAndWhetherItMayBeRetried() {
        var gateway = (GatewayConfig) Planner.plan(webshop, options).process("gateway").orElseThrow().config();

        assertThat(gateway.functions()).filteredOn(f -> f.name().equals("payments/charge")).singleElement()
                .isEqualTo(new FunctionRoute("payments/charge", "orders", io.clusterdeck.design.Access.PROTECTED, false,
                        List.of("orders/checkout")));
        assertThat(gateway.segments()).extracting(SegmentRoute::name, SegmentRoute::workers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("storefront", 2),
                        org.assertj.core.groups.Tuple.tuple("orders", 2), org.assertj.core.groups.Tuple.tuple("images", 3));
    }

    @Test
    void proxyLetsOnlyPublicFunctionsThrough() {
        var proxy = (ProxyConfig) Planner.plan(webshop, options).process("proxy").orElseThrow().config();

        assertThat(proxy.publicFunctions()).containsExactly("catalog/search", "catalog/product", "cart/add",
                "cart/view", "orders/checkout", "images/thumbnail");
        assertThat(proxy.rpcUrls()).containsExactly("http://127.0.0.1:7401");
    }

    @Test
    void replacedPortIsUsedByTheProcessAndByEveryoneWhoCallsIt() {
        var plan = Planner.plan(webshop, options.withPorts(Map.of("gateway", 9001)));

        assertThat(plan.process("gateway").orElseThrow().url()).isEqualTo("http://127.0.0.1:9001");
        assertThat(plan.withRole(Role.WORKER)).allSatisfy(w ->
                assertThat(((WorkerConfig) w.config()).gatewayUrls()).containsExactly("http://127.0.0.1:9001"));
        assertThat(((ProxyConfig) plan.process("proxy").orElseThrow().config()).rpcUrls()).containsExactly("http://127.0.0.1:9001");
    }

    @Test
    void segmentWithOneWorkerPerCoreGetsOnePerCore() {
        var design = webshop.withSegment("images", s -> s.withWorkers(WorkerCount.cores()));

        assertThat(Planner.plan(design, options.withCores(6)).workersOf("images")).hasSize(6);
    }

    @Test
    void standaloneDesignRunsAsOneProcess() {
        var hello = DesignFiles.load(DESIGNS.resolve("hello.json")).orThrow();

        var plan = Planner.plan(hello, options);

        assertThat(plan.processes()).extracting(PlannedProcess::name, PlannedProcess::port)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("standalone", 7301));
        assertThat(plan.entryUrl()).isEqualTo("http://127.0.0.1:7301");
    }

    @Test
    void designWithProblemsIsNotPlanned() {
        var broken = webshop.withSegments(List.of(Segment.named("empty")));

        assertThatThrownBy(() -> Planner.plan(broken, options)).isInstanceOf(DocumentException.class)
                .hasMessageContaining("segments[0].functions: segment 'empty' has no functions");
    }
}
