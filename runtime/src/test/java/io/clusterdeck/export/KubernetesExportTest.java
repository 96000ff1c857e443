package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.plan.WorkerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesExportTest {
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    static List<Path> designs() {
        return ExampleDesigns.files();
    }

    @ParameterizedTest
    @MethodSource("designs")
    void everyManifestOfAnExampleDesignIsAcceptedByTheKubernetesModels(Path design) {
        var manifests = manifests(ExampleDesigns.render(design, Target.KUBERNETES));

        assertThat(manifests).isNotEmpty();
        assertThat(manifests).allSatisfy(m -> assertThat(KubernetesModels.problem(m)).isNull());
    }

    @Test
    void aManifestWithAMisspelledFieldIsRejectedByTheSameCheck() {
        var deployment = manifest(ExampleDesigns.render("webshop", Target.KUBERNETES), "Deployment", "gateway");
        ((ObjectNode) deployment.get("spec")).put("replica", 2);

        assertThat(KubernetesModels.problem(deployment))
                .contains("The field `replica` in the JSON string is not defined in the `V1DeploymentSpec` properties");
    }

    @Test
    void aManifestMissingARequiredFieldDeepInsideIsRejectedByTheSameCheck() {
        var deployment = manifest(ExampleDesigns.render("webshop", Target.KUBERNETES), "Deployment", "gateway");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).remove("name");

        assertThat(KubernetesModels.problem(deployment))
                .startsWith("apps/v1/Deployment gateway: The required field `name` is not found in the JSON string");
    }

    @Test
    void workersRunAsManyReplicasAsTheirSegmentHasWorkersAndFindTheGatewayByItsServiceName() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        assertThat(manifest(export, "Deployment", "worker-storefront").at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(manifest(export, "Deployment", "worker-images").at("/spec/replicas").asInt()).isEqualTo(3);
        var worker = (WorkerConfig) ServiceConfigs.parse(manifest(export, "ConfigMap", "clusterdeck-config")
                .at("/data/worker-images.json").asText(), "worker-images.json", Role.WORKER).value().orElseThrow();
        assertThat(worker.gatewayUrl()).isEqualTo("http://gateway:7401");
        assertThat(worker.host()).isEqualTo("0.0.0.0");
        assertThat(manifest(export, "Service", "gateway").at("/spec/ports/0/port").asInt()).isEqualTo(7401);
    }

    @Test
    void containersAreProbedOnHealthAndSizedFromTheSegmentsHeap() {
        var container = manifest(ExampleDesigns.render("webshop", Target.KUBERNETES), "Deployment", "worker-images")
                .at("/spec/template/spec/containers/0");

        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health");
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("160Mi");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("320Mi");
        assertThat(container.at("/env/0/value").asText()).endsWith("-Xmx96m");
    }

    @Test
    void onlySegmentsThatAskForItGetAnAutoscaler() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        var autoscalers = manifests(export).stream()
                .filter(m -> m.path("kind").asText().equals("HorizontalPodAutoscaler")).toList();
        assertThat(autoscalers).hasSize(1);
        var autoscaler = autoscalers.get(0);
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("worker-images");
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isEqualTo(8);
        assertThat(autoscaler.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);
    }

    @Test
    void theIngressLeadsToTheProxyOrElseToTheStandaloneService() {
        var webshop = manifest(ExampleDesigns.render("webshop", Target.KUBERNETES), "Ingress", "webshop");
        var hello = manifest(ExampleDesigns.render("hello", Target.KUBERNETES), "Ingress", "hello");

        assertThat(webshop.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("proxy");
        assertThat(hello.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("standalone");
        assertThat(hello.at("/spec/rules/0/http/paths/0/backend/service/port/number").asInt()).isEqualTo(7301);
    }

    @Test
    void theClusterKeyIsAPlaceholderSecretThatEveryConfigReadsFromAMountedFile() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        var secret = manifest(export, "Secret", "cluster-key");
        assertThat(secret.at("/stringData/cluster-key").asText()).isEqualTo(KubernetesExport.PLACEHOLDER_KEY);
        var configs = manifest(export, "ConfigMap", "clusterdeck-config").get("data");
        configs.fields().forEachRemaining(e -> assertThat(e.getValue().asText())
                .contains("\"clusterKeyFile\": \"/etc/clusterdeck/secret/cluster-key\""));
        assertThat(export.content(KubernetesExport.README)).contains("Replace the placeholder cluster key");
    }

    @ParameterizedTest
    @MethodSource("designs")
    void everyResourceHasADns1123NameTheRecommendedLabelsAndItsDesign(Path design) {
        var export = ExampleDesigns.render(design, Target.KUBERNETES);

        assertThat(manifests(export)).allSatisfy(m -> {
            var metadata = m.get("metadata");
            assertThat(metadata.get("name").asText()).matches(DNS_1123_LABEL);
            assertThat(metadata.at("/labels/app.kubernetes.io~1name").asText()).matches(DNS_1123_LABEL);
            assertThat(metadata.at("/labels/app.kubernetes.io~1part-of").asText()).isEqualTo(export.source().name());
            assertThat(metadata.at("/annotations/clusterdeck.io~1design-sha256").asText())
                    .isEqualTo(export.source().sha256());
        });
    }

    static List<JsonNode> manifests(Export export) {
        var manifests = new ArrayList<JsonNode>();
        export.files().stream().filter(f -> f.path().endsWith(".yaml"))
                .forEach(f -> manifests.addAll(KubernetesModels.documents(f.content())));
        return manifests;
    }

    static JsonNode manifest(Export export, String kind, String name) {
        return manifests(export).stream()
                .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
