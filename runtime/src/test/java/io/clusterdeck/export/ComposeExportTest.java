package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.plan.WorkerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComposeExportTest {
    static List<Path> designs() {
        return ExampleDesigns.files();
    }

    @ParameterizedTest
    @MethodSource("designs")
    void theComposeFileOfAnExampleDesignConformsToTheComposeSpecification(Path design) {
        var compose = ExampleDesigns.render(design, Target.COMPOSE).content(ComposeExport.COMPOSE);

        assertThat(ComposeSchema.problems(compose)).isEmpty();
    }

    @Test
    void aComposeFileWithAMisspelledKeyIsRejectedByTheSameCheck() {
        var compose = ExampleDesigns.render("webshop", Target.COMPOSE).content(ComposeExport.COMPOSE);

        var broken = compose.replace("    restart: unless-stopped\n", "    restarts: unless-stopped\n");

        assertThat(broken).isNotEqualTo(compose);
        assertThat(ComposeSchema.problems(broken)).isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("restarts"));
    }

    @Test
    void anUnquotedRestartNoReadsAsABooleanAndIsRejectedByTheSameCheck() {
        var compose = ExampleDesigns.render("failover-lab", Target.COMPOSE).content(ComposeExport.COMPOSE);

        var broken = compose.replace("restart: \"no\"", "restart: no");

        assertThat(broken).isNotEqualTo(compose);
        assertThat(ComposeSchema.problems(broken)).anySatisfy(p -> assertThat(p).contains("restart"));
    }

    @Test
    void eachSegmentIsOneWorkerServiceWithItsWorkerCountAsReplicas() {
        var compose = compose("webshop");

        assertThat(names(compose.get("services"))).containsExactly("repository", "gateway", "worker-storefront",
                "worker-orders", "worker-images", "proxy");
        assertThat(compose.at("/services/worker-storefront/deploy/replicas").asInt()).isEqualTo(2);
        assertThat(compose.at("/services/worker-images/deploy/replicas").asInt()).isEqualTo(3);
        assertThat(compose.has("version")).isFalse();
        assertThat(compose.get("name").asText()).isEqualTo("webshop");
    }

    @Test
    void onlyTheEntryServicePublishesAPort() {
        var webshop = compose("webshop");
        var hello = compose("hello");

        assertThat(servicesWith(webshop, "ports")).containsExactly("proxy");
        assertThat(webshop.at("/services/proxy/ports/0/published").asText()).isEqualTo("7400");
        assertThat(servicesWith(hello, "ports")).containsExactly("standalone");
    }

    @Test
    void restartPoliciesFollowTheDesign() {
        var webshop = compose("webshop");
        var lab = compose("failover-lab");

        assertThat(webshop.at("/services/worker-storefront/restart").asText()).isEqualTo("unless-stopped");
        assertThat(webshop.at("/services/worker-orders/restart").asText()).isEqualTo("on-failure");
        assertThat(lab.at("/services/worker-reports/restart").isTextual()).isTrue();
        assertThat(lab.at("/services/worker-reports/restart").asText()).isEqualTo("no");
    }

    @Test
    void everyServiceIsHealthCheckedOnHealthAndHoldsTheClusterKeyAsASecret() {
        var compose = compose("webshop");

        compose.get("services").fields().forEachRemaining(service -> {
            var node = service.getValue();
            assertThat(node.at("/healthcheck/test").toString()).contains("/health\"]");
            assertThat(node.at("/secrets/0/source").asText()).isEqualTo("cluster-key");
        });
        assertThat(compose.at("/secrets/cluster-key/file").asText()).isEqualTo("./secrets/cluster-key");
    }

    @Test
    void configsAreServiceConfigsThatFindOtherServicesByName() {
        var export = ExampleDesigns.render("webshop", Target.COMPOSE);

        var parsed = ServiceConfigs.parse(export.content("config/worker-orders.json"), "worker-orders.json",
                Role.WORKER);

        assertThat(parsed.problems()).isEmpty();
        var worker = (WorkerConfig) parsed.value().orElseThrow();
        assertThat(worker.name()).isEqualTo("worker-orders");
        assertThat(worker.host()).isEqualTo("0.0.0.0");
        assertThat(worker.gatewayUrl()).isEqualTo("http://gateway:7401");
        assertThat(worker.repositoryUrl()).isEqualTo("http://repository:7402");
        assertThat(worker.clusterKeyFile()).isEqualTo("/run/secrets/cluster-key");
        assertThat(export.content("config/worker-orders.json")).isEqualTo(ServiceConfigs.toJson(worker));
    }

    @Test
    void theImageIsBuiltFromTheProductsDockerfileAsANonRootUserWithSmallJvmFlags() throws IOException {
        var export = ExampleDesigns.render("webshop", Target.COMPOSE);
        var product = Files.readString(Path.of("..", "packaging", "Dockerfile"), StandardCharsets.UTF_8);

        assertThat(export.content(ComposeExport.DOCKERFILE))
                .isEqualTo(export.source().header("# ") + "\n" + product);
        assertThat(product).contains("FROM eclipse-temurin:17-jre", "COPY clusterdeck.jar", "USER 10001:10001",
                String.join(" ", JvmFlags.SMALL));
        assertThat(compose("webshop").at("/services/gateway/build/dockerfile").asText())
                .isEqualTo("packaging/Dockerfile");
    }

    private static JsonNode compose(String design) {
        return ComposeSchema.read(ExampleDesigns.render(design, Target.COMPOSE).content(ComposeExport.COMPOSE));
    }

    private static List<String> names(JsonNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> servicesWith(JsonNode compose, String key) {
        var services = (ObjectNode) compose.get("services");
        return names(services).stream().filter(n -> services.get(n).has(key)).toList();
    }
}
