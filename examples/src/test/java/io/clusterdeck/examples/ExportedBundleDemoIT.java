package io.clusterdeck.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.export.ExportOptions;
import io.clusterdeck.export.ExportedCluster;
import io.clusterdeck.export.Exporter;
import io.clusterdeck.export.Target;
import io.clusterdeck.launch.DevelopmentSecret;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.service.Await;
import io.clusterdeck.service.ServiceProcesses;
import io.clusterdeck.service.TestHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bundle-demo exported with {@code --target runtime} and started as its README says, on the plan's ports. */
class ExportedBundleDemoIT {
    private static final Path DESIGN = Path.of(System.getProperty("designs.dir", "../designs"), "bundle-demo.json")
            .toAbsolutePath().normalize();
    private static final String ORDER = "{\"lines\": [{\"sku\": \"book\", \"quantity\": 2, \"unitPrice\": 10}],"
            + " \"country\": \"DE\"}";

    private final ServiceProcesses processes = new ServiceProcesses();
    @TempDir
    Path out;

    @AfterEach
    void killEverything() {
        processes.close();
    }

    @Test
    void exportedDemoQuotesThroughItsEntryAndSurvivesAKilledWorker() throws IOException {
        var design = DesignFiles.load(DESIGN).orThrow();
        // The end users' secret is the user's own and never in the repository: make a development one, as launch does.
        DevelopmentSecret.ensure(DESIGN.resolveSibling(design.auth().secretFile()));
        Exporter.export(design, DESIGN, Target.RUNTIME, out, ExportOptions.DEFAULT.withClusterKeyFile(processes.keyFile()));
        Planner.plan(design, PlanOptions.local(DESIGN.getParent())).processes().forEach(p -> requireFree(p.port()));

        var cluster = ExportedCluster.start(out, processes, Duration.ofSeconds(60));
        Await.until("every worker is healthy", Duration.ofSeconds(30), () ->
                TestHttp.get(cluster.service("gateway").url() + "/cluster").body().split("\"state\":\"healthy\"", -1).length == 4);

        var quote = TestHttp.post(cluster.entryUrl() + "/rpc/pricing/quote", ORDER);
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
        assertThat(quote.body()).contains("\"tax\":3.8", "\"total\":23.8");

        cluster.service("worker-storefront-1").kill();
        for (int i = 0; i < 6; i++) {
            var again = TestHttp.post(cluster.entryUrl() + "/rpc/pricing/quote", ORDER);
            assertThat(again.statusCode()).as("call %d after the kill: %s", i, again.body()).isEqualTo(200);
            assertThat(again.headers().firstValue("X-Clusterdeck-Worker")).contains("worker-storefront-2");
        }
    }

    private static void requireFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new AssertionError("the exported demo needs port " + port + " of 127.0.0.1, which is taken", e);
        }
    }
}
