package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.launch.FreePorts;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.Role;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webshop design, planned and run with the configs the plan writes: one worker per segment. */
class PlannedClusterIT {
    private final ServiceProcesses processes = new ServiceProcesses();

    @AfterEach
    void killEverything() {
        processes.close();
    }

    @Test
    void webshopRunsFromItsPlanAndAnswersThroughTheProxy() throws IOException {
        var designFile = Path.of("..", "designs", "webshop.json").toAbsolutePath().normalize();
        var design = DesignFiles.load(designFile).value().orElseThrow();
        var local = PlanOptions.local(designFile.getParent());
        var draft = Planner.plan(design, local);
        var ports = new HashMap<String, Integer>();
        for (var process : draft.processes()) {
            ports.put(process.name(), FreePorts.onLoopback());
        }
        var plan = Planner.plan(design, new PlanOptions(local.baseDir(), local.cores(), local.host(), ports,
                processes.keyFile()));

        for (var process : plan.processes()) {
            if (process.role() != Role.WORKER || process.instance() == 1) {
                processes.start(process.config());
            }
        }
        var proxy = plan.process("proxy").orElseThrow().url();
        Await.until("every segment has a healthy worker", Duration.ofSeconds(20), () ->
                TestHttp.get(plan.process("gateway").orElseThrow().url() + "/cluster").body().split("\"healthy\"", -1).length == 4);

        var search = TestHttp.post(proxy + "/rpc/catalog/search", "{\"q\":\"lamp\"}");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.headers().firstValue("X-Clusterdeck-Worker")).contains("worker-storefront-1");
        assertThat(search.body().length()).isBetween(4000, 4096);
        assertThat(TestHttp.post(proxy + "/rpc/catalog/price", "{}").statusCode()).isEqualTo(404);
        Await.until("a checkout crosses segments and succeeds (it fails now and then by design)", Duration.ofSeconds(10),
                () -> TestHttp.post(proxy + "/rpc/orders/checkout", "{}").statusCode() == 200);
    }

    @Test
    void helloRunsStandaloneFromItsPlan() throws IOException {
        var designFile = Path.of("..", "designs", "hello.json").toAbsolutePath().normalize();
        var design = DesignFiles.load(designFile).value().orElseThrow();
        var local = PlanOptions.local(designFile.getParent());
        var plan = Planner.plan(design, local.withPorts(java.util.Map.of("standalone", FreePorts.onLoopback())));

        var standalone = processes.start(plan.process("standalone").orElseThrow().config());
        var response = TestHttp.post(standalone.url() + "/rpc/greeting/hello", "{\"name\":\"Ada\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Clusterdeck-Worker")).contains("standalone");
        standalone.signal("TERM");
        assertThat(standalone.awaitExit(Duration.ofSeconds(15))).isZero();
    }

}
