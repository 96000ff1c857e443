package io.clusterdeck.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.Problem;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceConfigsTest {
    private final Plan plan = Planner.plan(DesignFiles.load(Path.of("..", "designs", "webshop.json")).orThrow(),
            PlanOptions.local(Path.of("..", "designs").toAbsolutePath()).withCores(2));

    @Test
    void everyConfigOfAPlanSurvivesAWriteAndRead() {
        for (var process : plan.processes()) {
            var json = ServiceConfigs.toJson(process.config());

            var read = ServiceConfigs.parse(json, process.name() + ".json", process.role());

            assertThat(read.orThrow()).as(process.name()).isEqualTo(process.config());
            assertThat(json).as(process.name()).startsWith("{\n  \"role\": \"" + process.role().json() + "\"");
        }
    }

    @Test
    void everyConfigOfEveryShippedDesignIsWrittenAsTheMapperWritesItToTheByte() throws IOException {
        int configs = 0;
        try (var files = Files.list(Path.of("..", "designs"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith("schema.json"))
                    .sorted().toList()) {
                var design = DesignFiles.load(file).orThrow();
                var options = PlanOptions.local(file.toAbsolutePath().getParent()).withCores(2);
                for (var process : Planner.plan(design, options).processes()) {
                    assertThat(ServiceConfigs.toJson(process.config())).as(file + ": " + process.name())
                            .isEqualTo(StrictJson.write(process.config()));
                    configs++;
                }
            }
        }
        assertThat(configs).as("configs compared").isGreaterThan(60);
    }

    @Test
    void configForAnotherRoleIsRefusedWithBothRolesNamed() {
        var gateway = ServiceConfigs.toJson(plan.process("gateway").orElseThrow().config());

        var read = ServiceConfigs.parse(gateway, "gateway.json", Role.WORKER);

        assertThat(read.problems()).map(Problem::toString)
                .containsExactly("gateway.json:2:11: role: this is a gateway config, not a worker config");
    }

    @Test
    void brokenConfigIsReportedWithLineAndField() {
        var text = "{\n  \"role\": \"proxy\",\n  \"name\": \"proxy\",\n  \"host\": \"127.0.0.1\",\n  \"port\": 70000,\n"
                + "  \"rpcUrls\": [\"http://127.0.0.1:2\", \"gateway\"],\n  \"repositoryUrl\": \"http://127.0.0.1:1\",\n  \"maxBodyBytes\": 1024,\n"
                + "  \"requestTimeoutMs\": 100,\n  \"tryTimeoutMs\": 0\n}";

        var read = ServiceConfigs.parse(text, "proxy.json", Role.PROXY);

        assertThat(read.problems()).map(Problem::toString).containsExactly(
                "proxy.json:5:11: port: must be between 0 and 65535, was 70000",
                "proxy.json:6:37: rpcUrls[1]: 'gateway' is not an http URL");
    }
}
