package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.plan.ProxyConfig;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComposeExportTest {
    @TempDir
    Path temp;

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

        assertThat(names(compose.get("services"))).containsExactly("cluster-key", "repository", "gateway", "worker-storefront",
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
        assertThat(webshop.at("/services/proxy/ports/0/published").asText()).isEqualTo("${CLUSTERDECK_PORT:-7400}");
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
    void everyServiceIsHealthCheckedByTheImagesOwnCheckAndStartsOnceTheKeyIsWritten() {
        var compose = compose("webshop");

        compose.get("services").fields().forEachRemaining(service -> {
            if (service.getKey().equals(ComposeExport.KEY_SERVICE)) {
                return;
            }
            var node = service.getValue();
            assertThat(node.at("/healthcheck/test").toString()).isEqualTo("[\"CMD\",\"/usr/local/bin/clusterdeck-health\"]");
            assertThat(node.at("/depends_on/cluster-key/condition").asText()).isEqualTo("service_completed_successfully");
            assertThat(node.at("/volumes/0").asText()).isEqualTo("cluster-key:/var/lib/clusterdeck/keys:ro");
        });
        assertThat(compose.has("secrets")).isFalse();
        assertThat(compose.at("/volumes/cluster-key").isObject()).isTrue();
    }

    @Test
    void theClusterKeyIsGeneratedOnceIntoAVolumeThatOnlyTheServicesUserReads() {
        var compose = compose("hello");

        var key = compose.at("/services/cluster-key");
        assertThat(key.at("/entrypoint").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"umask 077 && test -s "
                + "/var/lib/clusterdeck/keys/cluster-key || head -c 32 /dev/urandom | base64 > "
                + "/var/lib/clusterdeck/keys/cluster-key\"]");
        assertThat(key.at("/volumes/0").asText()).isEqualTo("cluster-key:/var/lib/clusterdeck/keys");
        assertThat(key.at("/restart").asText()).isEqualTo("no");
        assertThat(compose.at("/services/standalone/depends_on").toString())
                .isEqualTo("{\"cluster-key\":{\"condition\":\"service_completed_successfully\"}}");
        var config = ExampleDesigns.render("hello", Target.COMPOSE).content("config/standalone.json");
        assertThat(config).contains("\"clusterKeyFile\": \"/var/lib/clusterdeck/keys/cluster-key\"");
    }

    @ParameterizedTest
    @MethodSource("designs")
    void theComposeFileNeedsNoVariableSetAndItsEnvFileNamesTheSameDefaults(Path design) {
        var export = ExampleDesigns.render(design, Target.COMPOSE);
        var compose = export.content(ComposeExport.COMPOSE);

        var references = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+)([^}]*)}").matcher(compose);
        var env = export.content(ComposeExport.ENV);
        while (references.find()) {
            assertThat(references.group(2)).as(references.group()).startsWith(":-");
            assertThat(env).contains("\n" + references.group(1) + "=" + references.group(2).substring(2) + "\n");
        }
        assertThat(compose).doesNotContain(":?").contains("${CLUSTERDECK_IMAGE:-clusterdeck:latest}");
    }

    @Test
    void containersRunOnAReadOnlyRootWithoutCapabilitiesOrNewPrivileges() {
        var compose = compose("failover-lab");

        compose.get("services").fields().forEachRemaining(service -> {
            var node = service.getValue();
            assertThat(node.at("/read_only").asBoolean()).as(service.getKey()).isTrue();
            assertThat(node.at("/tmpfs/0").asText()).isEqualTo("/tmp");
            assertThat(node.at("/cap_drop/0").asText()).isEqualTo("ALL");
            assertThat(node.at("/security_opt/0").asText()).isEqualTo("no-new-privileges:true");
        });
    }

    @Test
    void theExportCarriesTheRuntimeJarWhenOneIsAtHandAndOtherwiseAsksForIt() throws IOException {
        var file = ExampleDesigns.file("hello");
        var design = ExampleDesigns.load(file);
        var source = DesignSource.of(design.name(), file);
        var jar = Path.of("target", "clusterdeck.jar").toAbsolutePath();

        var with = Exporter.render(design, source, Target.COMPOSE, ExportOptions.DEFAULT.withRuntimeJar(jar));
        var without = Exporter.render(design, source, Target.COMPOSE, ExportOptions.DEFAULT.withRuntimeJar(null));

        assertThat(with.file(ComposeExport.JAR)).hasValueSatisfying(f -> assertThat(f.source()).isEqualTo(jar));
        assertThat(with.content(ComposeExport.README)).doesNotContain("without a runtime jar")
                .contains("```sh\ndocker compose up -d --build\n```");
        assertThat(without.file(ComposeExport.JAR)).isEmpty();
        assertThat(without.content(ComposeExport.README)).contains("first put `clusterdeck.jar`");
    }

    @Test
    void aDesignsBundlesAreCarriedAndMountedReadOnlyInTheRepositoryOnly() {
        var export = ExampleDesigns.render("bundle-demo", Target.COMPOSE);
        var compose = ComposeSchema.read(export.content(ComposeExport.COMPOSE));

        assertThat(export.file("bundles/examples.jar").orElseThrow().source())
                .isEqualTo(ExampleDesigns.FOLDER.resolveSibling("examples").resolve("target/clusterdeck-examples.jar"));
        assertThat(compose.at("/services/repository/volumes/1").asText())
                .isEqualTo("./bundles:/srv/clusterdeck/bundles:ro");
        assertThat(compose.at("/services/worker-storefront/volumes").size()).isEqualTo(1);
        assertThat(export.content("config/repository.json"))
                .contains("\"path\": \"/srv/clusterdeck/bundles/examples.jar\"");
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
        assertThat(worker.gatewayUrls()).containsExactly("http://gateway:7401");
        assertThat(worker.repositoryUrl()).isEqualTo("http://repository:7402");
        assertThat(worker.clusterKeyFile()).isEqualTo("/var/lib/clusterdeck/keys/cluster-key");
        assertThat(export.content("config/worker-orders.json")).isEqualTo(ServiceConfigs.toJson(worker));
    }

    @Test
    void theImageIsBuiltFromTheProductsDockerfileAsANonRootUserWithSmallJvmFlags() throws IOException {
        var export = ExampleDesigns.render("webshop", Target.COMPOSE);
        var product = Files.readString(Path.of("..", "packaging", "Dockerfile"), StandardCharsets.UTF_8);

        assertThat(export.content(ComposeExport.DOCKERFILE))
                .isEqualTo(export.source().header("# ") + "\n" + product);
        assertThat(product).containsPattern("(?m)^FROM eclipse-temurin:17\\.0\\.\\d+_\\d+-jre-noble$")
                .contains("COPY clusterdeck.jar", "USER 10001:10001", String.join(" ", JvmFlags.SMALL),
                        "HEALTHCHECK", "CMD [\"/usr/local/bin/clusterdeck-health\"]",
                        "install -d -o 10001 -g 10001 -m 0700 /var/lib/clusterdeck/keys")
                .doesNotContain("curl", "wget");
        assertThat(compose("webshop").at("/services/gateway/build/dockerfile").asText())
                .isEqualTo("packaging/Dockerfile");
    }

    @Test
    void theBundleDemoProxyReadsTheEndUsersSecretFromAComposeSecretTheUserWrites() {
        var export = ExampleDesigns.render("bundle-demo", Target.COMPOSE);
        var text = export.content(ComposeExport.COMPOSE);
        var compose = ComposeSchema.read(text);

        assertThat(compose.at("/secrets").toString())
                .isEqualTo("{\"end-user-secret\":{\"file\":\"./secrets/end-user-secret\"}}");
        assertThat(compose.at("/services/proxy/secrets").toString())
                .isEqualTo("[{\"source\":\"end-user-secret\",\"target\":\"/run/secrets/end-user-secret\"}]");
        assertThat(servicesWith(compose, "secrets")).containsExactly("proxy");
        assertThat(export.content("config/proxy.json")).contains("\"secretFile\": \"/run/secrets/end-user-secret\"");
        assertThat(export.paths()).noneMatch(p -> p.startsWith("secrets/"));
        assertThat(export.content(ComposeExport.GITIGNORE)).endsWith("\n/secrets/\n");
        assertThat(export.content(ComposeExport.README))
                .contains("openssl rand -base64 48 > secrets/end-user-secret && chmod 644 secrets/end-user-secret");
        assertThat(ComposeSchema.problems(text)).isEmpty();
    }

    @Test
    void aSecretInTheEnvironmentIsPassedOnToTheProxyAndComposeRefusesToStartWithoutIt() throws IOException {
        var file = SignInDesigns.write(temp, SignInDesigns.Keys.SECRET_ENV, SignInDesigns.randomSecret());

        var export = SignInDesigns.render(file, Target.COMPOSE);

        var text = export.content(ComposeExport.COMPOSE);
        var compose = ComposeSchema.read(text);
        assertThat(compose.at("/services/proxy/environment/SIGNIN_SECRET").asText())
                .isEqualTo("${SIGNIN_SECRET:?set SIGNIN_SECRET to the secret of end users' tokens, see README.md}");
        assertThat(servicesWith(compose, "secrets")).isEmpty();
        assertThat(compose.has("secrets")).isFalse();
        compose.get("services").fields().forEachRemaining(s -> assertThat(s.getValue().at("/environment")
                .has("SIGNIN_SECRET")).as(s.getKey()).isEqualTo(s.getKey().equals("proxy")));
        assertThat(export.content(ComposeExport.ENV)).doesNotContain("SIGNIN_SECRET=");
        assertThat(export.content("config/proxy.json")).contains("\"secretEnv\": \"SIGNIN_SECRET\"");
        assertThat(export.content(ComposeExport.README)).contains("export SIGNIN_SECRET=\"$(openssl rand -base64 48)\"");
        assertThat(ComposeSchema.problems(text)).isEmpty();
    }

    @Test
    void aKeySetIsCopiedIntoTheExportAndMountedReadOnlyIntoTheProxyOnly() throws IOException {
        var file = SignInDesigns.write(temp, SignInDesigns.Keys.JWKS_FILE, SignInDesigns.randomSecret());

        var export = SignInDesigns.render(file, Target.COMPOSE);

        var text = export.content(ComposeExport.COMPOSE);
        var compose = ComposeSchema.read(text);
        assertThat(export.file("auth/jwks.json").orElseThrow().source()).isEqualTo(temp.resolve("keys/jwks.json"));
        assertThat(compose.at("/services/proxy/volumes").toString()).isEqualTo("[\"cluster-key:/var/lib/clusterdeck/"
                + "keys:ro\",\"./auth/jwks.json:/etc/clusterdeck/auth/jwks.json:ro\"]");
        assertThat(compose.at("/services/gateway/volumes").size()).isEqualTo(1);
        assertThat(compose.has("secrets")).isFalse();
        assertThat(export.content("config/proxy.json")).contains("\"jwksFile\": \"/etc/clusterdeck/auth/jwks.json\"");
        assertThat(ComposeSchema.problems(text)).isEmpty();

        Exporter.write(export, temp.resolve("out"));
        assertThat(temp.resolve("out/auth/jwks.json")).hasSameBinaryContentAs(temp.resolve("keys/jwks.json"));
    }

    @Test
    void eachGatewayOfADesignWithReplicasIsAServiceOfItsOwnWithItsOwnConfig() {
        var export = ExampleDesigns.render("webshop-ha", Target.COMPOSE);
        var compose = ComposeSchema.read(export.content(ComposeExport.COMPOSE));

        assertThat(names(compose.get("services"))).containsExactly("cluster-key", "repository", "gateway-1",
                "gateway-2", "worker-storefront", "worker-orders", "worker-images", "proxy");
        for (var gateway : List.of("gateway-1", "gateway-2")) {
            assertThat(compose.at("/services/" + gateway + "/command").toString()).isEqualTo(
                    "[\"run\",\"gateway\",\"--config\",\"/etc/clusterdeck/config/" + gateway + ".json\"]");
            assertThat(compose.at("/services/" + gateway + "/configs/0/source").asText()).isEqualTo(gateway);
            assertThat(compose.at("/configs/" + gateway + "/file").asText()).isEqualTo("./config/" + gateway + ".json");
            assertThat(compose.at("/services/" + gateway + "/deploy").isMissingNode()).isTrue();
        }
        assertThat(export.content("config/gateway-1.json")).contains("\"name\": \"gateway-1\"", "\"port\": 7701");
        assertThat(export.content("config/gateway-2.json")).contains("\"name\": \"gateway-2\"", "\"port\": 7703");
        assertThat(export.file("config/gateway.json")).isEmpty();
    }

    @Test
    void everyWorkerAndTheProxyOfADesignWithReplicasNameEveryGatewayService() {
        var export = ExampleDesigns.render("webshop-ha", Target.COMPOSE);

        for (var worker : List.of("worker-storefront", "worker-orders", "worker-images")) {
            var config = (WorkerConfig) ServiceConfigs.parse(export.content("config/" + worker + ".json"),
                    worker + ".json", Role.WORKER).value().orElseThrow();
            assertThat(config.gatewayUrls()).as(worker).containsExactly("http://gateway-1:7701",
                    "http://gateway-2:7703");
        }
        var proxy = (ProxyConfig) ServiceConfigs.parse(export.content("config/proxy.json"), "proxy.json",
                Role.PROXY).value().orElseThrow();
        assertThat(proxy.rpcUrls()).containsExactly("http://gateway-1:7701", "http://gateway-2:7703");
    }

    @Test
    void workersAndTheProxyStartOnceEveryGatewayIsHealthyAndTheGatewaysOnceTheRepositoryIs() {
        var compose = compose("webshop-ha");

        for (var caller : List.of("worker-storefront", "worker-orders", "worker-images", "proxy")) {
            var dependsOn = compose.at("/services/" + caller + "/depends_on");
            assertThat(names(dependsOn)).as(caller).containsExactly("cluster-key", "repository", "gateway-1",
                    "gateway-2");
            assertThat(dependsOn.at("/gateway-1/condition").asText()).isEqualTo("service_healthy");
            assertThat(dependsOn.at("/gateway-2/condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(names(compose.at("/services/gateway-1/depends_on"))).containsExactly("cluster-key", "repository");
        assertThat(names(compose.at("/services/gateway-2/depends_on"))).containsExactly("cluster-key", "repository");
    }

    @Test
    void theReadmeSaysHowManyGatewaysRunAndWhyAndSaysNothingOfThemForOneGateway() {
        var ha = ExampleDesigns.render("webshop-ha", Target.COMPOSE).content(ComposeExport.README);
        var webshop = ExampleDesigns.render("webshop", Target.COMPOSE).content(ComposeExport.README);

        assertThat(ha).contains("## Gateways\n\nThis design runs 2 gateways, `gateway-1` and `gateway-2`, so that no "
                + "gateway is a single point of failure: each knows every worker, every worker registers with each "
                + "of them");
        assertThat(ha).contains("they find every gateway at its service name");
        assertThat(webshop).doesNotContain("## Gateways").contains("they find the gateway at its service name");
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
