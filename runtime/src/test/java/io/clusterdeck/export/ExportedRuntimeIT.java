package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webshop exported with {@code --target runtime} and started by hand as its README says, on the plan's ports. */
class ExportedRuntimeIT {
    private final ServiceProcesses processes = new ServiceProcesses();
    @TempDir
    Path out;

    @AfterEach
    void killEverything() {
        processes.close();
    }

    @Test
    void exportedWebshopAnswersThroughItsEntryAndSurvivesAKilledWorker() throws IOException {
        var designFile = Path.of("..", "designs", "webshop.json").toAbsolutePath().normalize();
        var design = DesignFiles.load(designFile).orThrow();
        Exporter.export(design, designFile, Target.RUNTIME, out,
                ExportOptions.DEFAULT.withClusterKeyFile(processes.keyFile()));
        Planner.plan(design, PlanOptions.local(designFile.getParent())).processes()
                .forEach(process -> requireFree(process.port()));

        var cluster = ExportedCluster.start(out, processes, Duration.ofSeconds(60));
        Await.until("every worker is healthy", Duration.ofSeconds(30), () ->
                TestHttp.get(cluster.service("gateway").url() + "/cluster").body().split("\"state\":\"healthy\"", -1).length == 8);

        var search = TestHttp.post(cluster.entryUrl() + "/rpc/catalog/search", "{\"q\":\"lamp\"}");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"function\":\"catalog/search\"");

        cluster.service("worker-storefront-1").kill();
        for (int i = 0; i < 10; i++) {
            var again = TestHttp.post(cluster.entryUrl() + "/rpc/catalog/search", "{\"q\":\"lamp\"}");
            assertThat(again.statusCode()).as("call %d after the kill: %s", i, again.body()).isEqualTo(200);
            assertThat(again.headers().firstValue("X-Clusterdeck-Worker")).contains("worker-storefront-2");
        }
    }

    private static void requireFree(int port) {
        try (var socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new AssertionError("the exported webshop needs port " + port + " of 127.0.0.1, which is taken", e);
        }
    }
}
