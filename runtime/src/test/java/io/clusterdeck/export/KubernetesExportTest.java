package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.plan.WorkerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KubernetesExportTest {
    @TempDir
    Path temp;

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
        assertThat(worker.gatewayUrls()).containsExactly("http://gateway:7401");
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

    @ParameterizedTest
    @MethodSource("designs")
    void theKustomizationListsEveryManifestAndMakesTheKeySecretFromAFileTheUserWrites(Path design) {
        var export = ExampleDesigns.render(design, Target.KUBERNETES);

        var kustomization = ComposeSchema.read(export.content(KubernetesExport.KUSTOMIZATION_FILE));
        var listed = new ArrayList<String>();
        kustomization.get("resources").forEach(r -> listed.add(r.asText()));
        var manifestFiles = export.paths().stream()
                .filter(p -> p.endsWith(".yaml") && !p.equals(KubernetesExport.KUSTOMIZATION_FILE)).toList();
        assertThat(listed).containsExactlyElementsOf(manifestFiles);
        assertThat(kustomization.get("kind").asText()).isEqualTo("Kustomization");
        assertThat(kustomization.at("/secretGenerator/0/name").asText()).isEqualTo("cluster-key");
        assertThat(kustomization.at("/secretGenerator/0/namespace").asText()).isEqualTo(export.source().name());
        assertThat(kustomization.at("/secretGenerator/0/files/0").asText()).isEqualTo("cluster-key=secrets/cluster-key");
        assertThat(export.content(KubernetesExport.GITIGNORE)).contains("\n/secrets/\n");
    }

    @Test
    void noKeyIsExportedAndEveryConfigReadsItFromTheMountedSecret() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        assertThat(manifests(export)).noneMatch(m -> m.path("kind").asText().equals("Secret"));
        var configs = manifest(export, "ConfigMap", "clusterdeck-config").get("data");
        configs.fields().forEachRemaining(e -> assertThat(e.getValue().asText())
                .contains("\"clusterKeyFile\": \"/etc/clusterdeck/secret/cluster-key\""));
        assertThat(manifest(export, "Deployment", "gateway").at("/spec/template/spec/volumes/1/secret/secretName")
                .asText()).isEqualTo("cluster-key");
        assertThat(export.content(KubernetesExport.README))
                .contains("head -c 32 /dev/urandom | base64 > secrets/cluster-key", "kubectl apply -k .");
    }

    @ParameterizedTest
    @MethodSource("designs")
    void everyPodRunsAsNonRootOnAReadOnlyRootWithoutCapabilitiesOrPrivilegeEscalation(Path design) {
        var deployments = manifests(ExampleDesigns.render(design, Target.KUBERNETES)).stream()
                .filter(m -> m.path("kind").asText().equals("Deployment")).toList();

        assertThat(deployments).isNotEmpty().allSatisfy(d -> {
            var pod = d.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();
            var container = pod.at("/containers/0/securityContext");
            assertThat(container.at("/allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(container.at("/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
            assertThat(pod.at("/containers/0/volumeMounts/2/mountPath").asText()).isEqualTo("/tmp");
            assertThat(pod.at("/volumes/2/emptyDir").isObject()).isTrue();
        });
    }

    @Test
    void everySegmentOfTwoOrMoreWorkersKeepsAllButOneRunningWhileNodesAreDrained() {
        var export = ExampleDesigns.render("bundle-demo", Target.KUBERNETES);

        var budgets = manifests(export).stream()
                .filter(m -> m.path("kind").asText().equals("PodDisruptionBudget")).toList();
        assertThat(budgets).extracting(b -> b.at("/metadata/name").asText()).containsExactly("worker-storefront");
        assertThat(budgets.get(0).at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(budgets.get(0).at("/spec/selector/matchLabels").toString())
                .isEqualTo(manifest(export, "Deployment", "worker-storefront").at("/spec/selector/matchLabels").toString());
        assertThat(manifests(ExampleDesigns.render("webshop", Target.KUBERNETES)).stream()
                .filter(m -> m.path("kind").asText().equals("PodDisruptionBudget"))
                .map(m -> m.at("/metadata/name").asText()))
                .containsExactly("worker-storefront", "worker-orders", "worker-images");
    }

    @Test
    void everythingIsDeniedButWhatTheClusterNeeds() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        var deny = manifest(export, "NetworkPolicy", "default-deny");
        assertThat(deny.at("/spec/podSelector").isEmpty()).isTrue();
        assertThat(deny.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
        assertThat(deny.at("/spec/ingress").isMissingNode()).isTrue();
        assertThat(manifest(export, "NetworkPolicy", "allow-dns").at("/spec/egress/0/ports/0/port").asInt())
                .isEqualTo(53);
    }

    @Test
    void onlyTheProxyTakesTrafficFromOutside() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        var proxy = manifest(export, "NetworkPolicy", "proxy");
        assertThat(proxy.at("/spec/ingress/0/from").isMissingNode()).isTrue();
        assertThat(proxy.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(7400);
        var others = manifests(export).stream().filter(m -> m.path("kind").asText().equals("NetworkPolicy")
                && m.at("/spec/ingress/0").isObject() && !m.at("/metadata/name").asText().equals("proxy")).toList();
        assertThat(others).hasSize(5).allSatisfy(p -> assertThat(p.at("/spec/ingress/0/from").size()).isPositive());
    }

    @Test
    void onlyTheGatewayCallsWorkersAndWorkersReachOnlyTheGatewayAndTheRepository() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        var worker = manifest(export, "NetworkPolicy", "worker-orders");
        assertThat(worker.at("/spec/ingress/0/from").toString()).isEqualTo(
                "[{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/part-of\":\"webshop\","
                        + "\"app.kubernetes.io/component\":\"gateway\"}}}]");
        assertThat(worker.at("/spec/egress")).extracting(e -> e.at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name")
                .asText()).containsExactly("repository", "gateway");
        var gateway = manifest(export, "NetworkPolicy", "gateway");
        assertThat(gateway.at("/spec/ingress/0/from")).extracting(f -> f.at("/podSelector/matchLabels/app.kubernetes.io~1component")
                .asText()).containsExactly("proxy", "worker");
        assertThat(gateway.at("/spec/egress")).extracting(e -> e.at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name")
                .asText()).containsExactly("worker-storefront", "worker-orders", "worker-images");
        assertThat(manifest(export, "NetworkPolicy", "repository").at("/spec/egress").isEmpty()).isTrue();
    }

    @Test
    void withoutAProxyTheStandaloneServiceIsTheOneWayIn() {
        var export = ExampleDesigns.render("hello", Target.KUBERNETES);

        var standalone = manifest(export, "NetworkPolicy", "standalone");
        assertThat(standalone.at("/spec/ingress/0/from").isMissingNode()).isTrue();
        assertThat(standalone.at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(7301);
    }

    @Test
    void aDesignsBundlesTravelWithTheExportForTheImageThatCarriesThem() {
        var export = ExampleDesigns.render("bundle-demo", Target.KUBERNETES);

        var bundle = export.file("bundles/examples.jar").orElseThrow();
        assertThat(bundle.copied()).isTrue();
        assertThat(bundle.source()).isEqualTo(ExampleDesigns.FOLDER.resolve("../examples/target/clusterdeck-examples.jar")
                .normalize());
        assertThat(manifest(export, "ConfigMap", "clusterdeck-config").at("/data/repository.json").asText())
                .contains("\"path\": \"/srv/clusterdeck/bundles/examples.jar\"");
        assertThat(export.content(KubernetesExport.README)).contains("COPY bundles/ /srv/clusterdeck/bundles/");
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

    @Test
    void theEndUsersSecretIsASecretTheKustomizationMakesFromAFileTheUserWritesAndOnlyTheProxyMounts() {
        var export = ExampleDesigns.render("bundle-demo", Target.KUBERNETES);

        var generator = ComposeSchema.read(export.content(KubernetesExport.KUSTOMIZATION_FILE)).at("/secretGenerator");
        assertThat(generator.size()).isEqualTo(2);
        assertThat(generator.at("/1/name").asText()).isEqualTo("end-user-secret");
        assertThat(generator.at("/1/namespace").asText()).isEqualTo("bundle-demo");
        assertThat(generator.at("/1/type").asText()).isEqualTo("Opaque");
        assertThat(generator.at("/1/files").toString()).isEqualTo("[\"end-user-secret=secrets/end-user-secret\"]");
        var pod = manifest(export, "Deployment", "proxy").at("/spec/template/spec");
        assertThat(named(pod.get("volumes"), "end-user-secret").toString()).isEqualTo("{\"name\":\"end-user-secret\","
                + "\"secret\":{\"secretName\":\"end-user-secret\",\"defaultMode\":288}}");
        assertThat(named(pod.at("/containers/0/volumeMounts"), "end-user-secret").toString())
                .isEqualTo("{\"name\":\"end-user-secret\",\"mountPath\":\"/run/secrets\",\"readOnly\":true}");
        assertThat(deploymentsMounting(export, "end-user-secret")).containsExactly("proxy");
        assertThat(manifest(export, "ConfigMap", "clusterdeck-config").at("/data/proxy.json").asText())
                .contains("\"secretFile\": \"/run/secrets/end-user-secret\"");
        assertThat(manifests(export)).noneMatch(m -> m.path("kind").asText().equals("Secret"));
        assertThat(export.paths()).noneMatch(p -> p.startsWith("secrets/"));
        assertThat(export.content(KubernetesExport.README))
                .contains("(umask 077 && openssl rand -base64 48 > secrets/end-user-secret)");
    }

    @Test
    void aSecretInTheEnvironmentComesFromTheGeneratedSecretIntoTheProxyOnly() throws IOException {
        var export = SignInDesigns.render(SignInDesigns.write(temp, SignInDesigns.Keys.SECRET_ENV,
                SignInDesigns.randomSecret()), Target.KUBERNETES);

        var generator = ComposeSchema.read(export.content(KubernetesExport.KUSTOMIZATION_FILE)).at("/secretGenerator");
        assertThat(generator.at("/1/files").toString()).isEqualTo("[\"end-user-secret=secrets/end-user-secret\"]");
        var env = manifest(export, "Deployment", "proxy").at("/spec/template/spec/containers/0/env");
        assertThat(named(env, "SIGNIN_SECRET").toString()).isEqualTo("{\"name\":\"SIGNIN_SECRET\",\"valueFrom\":"
                + "{\"secretKeyRef\":{\"name\":\"end-user-secret\",\"key\":\"end-user-secret\"}}}");
        assertThat(manifests(export).stream().filter(m -> m.path("kind").asText().equals("Deployment"))
                .filter(d -> d.at("/spec/template/spec/containers/0/env").size() > 1)
                .map(d -> d.at("/metadata/name").asText())).containsExactly("proxy");
        assertThat(deploymentsMounting(export, "end-user-secret")).isEmpty();
        assertThat(export.content(KubernetesExport.README)).contains("as the variable `SIGNIN_SECRET`");
    }

    @Test
    void aKeySetBecomesAConfigMapTheProxyMountsReadOnly() throws IOException {
        var export = SignInDesigns.render(SignInDesigns.write(temp, SignInDesigns.Keys.JWKS_FILE,
                SignInDesigns.randomSecret()), Target.KUBERNETES);

        var kustomization = ComposeSchema.read(export.content(KubernetesExport.KUSTOMIZATION_FILE));
        assertThat(kustomization.at("/secretGenerator").size()).isEqualTo(1);
        assertThat(kustomization.at("/configMapGenerator/0/name").asText()).isEqualTo("end-user-jwks");
        assertThat(kustomization.at("/configMapGenerator/0/namespace").asText()).isEqualTo("signin");
        assertThat(kustomization.at("/configMapGenerator/0/files").toString())
                .isEqualTo("[\"jwks.json=auth/jwks.json\"]");
        assertThat(export.file("auth/jwks.json").orElseThrow().source()).isEqualTo(temp.resolve("keys/jwks.json"));
        var pod = manifest(export, "Deployment", "proxy").at("/spec/template/spec");
        assertThat(named(pod.get("volumes"), "end-user-jwks").toString())
                .isEqualTo("{\"name\":\"end-user-jwks\",\"configMap\":{\"name\":\"end-user-jwks\"}}");
        assertThat(named(pod.at("/containers/0/volumeMounts"), "end-user-jwks").toString()).isEqualTo(
                "{\"name\":\"end-user-jwks\",\"mountPath\":\"/etc/clusterdeck/auth\",\"readOnly\":true}");
        assertThat(deploymentsMounting(export, "end-user-jwks")).containsExactly("proxy");
        assertThat(manifest(export, "ConfigMap", "clusterdeck-config").at("/data/proxy.json").asText())
                .contains("\"jwksFile\": \"/etc/clusterdeck/auth/jwks.json\"");
    }

    @ParameterizedTest
    @EnumSource(SignInDesigns.Keys.class)
    void everyManifestOfADesignWhoseEndUsersSignInIsAcceptedByTheKubernetesModels(SignInDesigns.Keys keys)
            throws IOException {
        var manifests = manifests(SignInDesigns.render(SignInDesigns.write(temp, keys, SignInDesigns.randomSecret()),
                Target.KUBERNETES));

        assertThat(manifests).hasSizeGreaterThan(5);
        assertThat(manifests).allSatisfy(m -> assertThat(KubernetesModels.problem(m)).isNull());
    }

    @Test
    void eachGatewayOfADesignWithReplicasIsADeploymentAndAServiceOfItsOwn() {
        var export = ExampleDesigns.render("webshop-ha", Target.KUBERNETES);

        assertThat(names(export, "Deployment")).containsExactly("repository", "gateway-1", "gateway-2",
                "worker-storefront", "worker-orders", "worker-images", "proxy");
        assertThat(names(export, "Service")).containsExactly("repository", "gateway-1", "gateway-2", "proxy");
        for (var gateway : List.of("gateway-1", "gateway-2")) {
            var deployment = manifest(export, "Deployment", gateway);
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(deployment.at("/spec/template/spec/containers/0/args/3").asText())
                    .isEqualTo("/etc/clusterdeck/config/" + gateway + ".json");
            assertThat(manifest(export, "Service", gateway).at("/spec/selector").toString())
                    .isEqualTo(deployment.at("/spec/selector/matchLabels").toString());
        }
        assertThat(manifest(export, "Service", "gateway-1").at("/spec/ports/0/port").asInt()).isEqualTo(7701);
        assertThat(manifest(export, "Service", "gateway-2").at("/spec/ports/0/port").asInt()).isEqualTo(7703);
    }

    @Test
    void everyWorkerAndTheProxyOfADesignWithReplicasNameEveryGatewayService() {
        var configs = manifest(ExampleDesigns.render("webshop-ha", Target.KUBERNETES), "ConfigMap",
                "clusterdeck-config").get("data");

        for (var worker : List.of("worker-storefront", "worker-orders", "worker-images")) {
            var config = (WorkerConfig) ServiceConfigs.parse(configs.get(worker + ".json").asText(), worker + ".json",
                    Role.WORKER).value().orElseThrow();
            assertThat(config.gatewayUrls()).as(worker).containsExactly("http://gateway-1:7701",
                    "http://gateway-2:7703");
        }
        var proxy = (ProxyConfig) ServiceConfigs.parse(configs.get("proxy.json").asText(), "proxy.json", Role.PROXY)
                .value().orElseThrow();
        assertThat(proxy.rpcUrls()).containsExactly("http://gateway-1:7701", "http://gateway-2:7703");
    }

    @Test
    void theGatewaysBudgetSelectsExactlyTheGatewayPodsAndKeepsAllButOneRunning() {
        var export = ExampleDesigns.render("webshop-ha", Target.KUBERNETES);

        var budget = manifest(export, "PodDisruptionBudget", "gateways");
        assertThat(budget.get("apiVersion").asText()).isEqualTo("policy/v1");
        assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
        assertThat(budget.at("/spec/maxUnavailable").isMissingNode()).isTrue();
        var selector = budget.at("/spec/selector/matchLabels");
        var selected = deployments(export).stream()
                .filter(d -> matches(selector, d.at("/spec/template/metadata/labels"))).map(d -> d.at("/metadata/name").asText()).toList();
        assertThat(selected).containsExactly("gateway-1", "gateway-2");
        assertThat(export.file(KubernetesExport.GATEWAY_BUDGET_FILE)).isPresent();
    }

    /** Eviction refuses a pod that two budgets select, so the gateways' must be the only one over their pods. */
    @Test
    void noOtherBudgetSelectsAGatewayPod() {
        var export = ExampleDesigns.render("webshop-ha", Target.KUBERNETES);

        var gatewayPods = deployments(export).stream()
                .filter(d -> d.at("/metadata/name").asText().startsWith("gateway"))
                .map(d -> d.at("/spec/template/metadata/labels")).toList();
        var otherBudgets = manifests(export).stream()
                .filter(m -> m.path("kind").asText().equals("PodDisruptionBudget")
                        && !m.at("/metadata/name").asText().equals("gateways")).toList();
        assertThat(gatewayPods).hasSize(2);
        assertThat(otherBudgets).extracting(b -> b.at("/metadata/name").asText())
                .containsExactly("worker-storefront", "worker-orders", "worker-images");
        assertThat(otherBudgets).allSatisfy(b -> assertThat(gatewayPods)
                .noneMatch(pod -> matches(b.at("/spec/selector/matchLabels"), pod)));
    }

    @Test
    void aDesignWithOneGatewayExportsOneGatewayAndNoGatewaysBudget() {
        var export = ExampleDesigns.render("webshop", Target.KUBERNETES);

        assertThat(export.file(KubernetesExport.GATEWAY_BUDGET_FILE)).isEmpty();
        assertThat(manifests(export).stream().filter(m -> m.path("kind").asText().equals("PodDisruptionBudget"))
                .map(m -> m.at("/metadata/name").asText()))
                .containsExactly("worker-storefront", "worker-orders", "worker-images");
        assertThat(names(export, "Deployment")).contains("gateway").doesNotContain("gateway-1");
    }

    @Test
    void theProxyAndTheWorkersReachEveryGatewayAndEveryGatewayReachesTheWorkers() {
        var export = ExampleDesigns.render("webshop-ha", Target.KUBERNETES);

        for (var caller : List.of("proxy", "worker-storefront", "worker-orders", "worker-images")) {
            assertThat(manifest(export, "NetworkPolicy", caller).at("/spec/egress"))
                    .extracting(e -> e.at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText() + ":"
                            + e.at("/ports/0/port").asInt())
                    .as(caller).contains("gateway-1:7701", "gateway-2:7703");
        }
        for (var gateway : List.of("gateway-1", "gateway-2")) {
            var policy = manifest(export, "NetworkPolicy", gateway);
            assertThat(policy.at("/spec/ingress/0/from"))
                    .extracting(f -> f.at("/podSelector/matchLabels/app.kubernetes.io~1component").asText())
                    .containsExactly("proxy", "worker");
            assertThat(policy.at("/spec/egress"))
                    .extracting(e -> e.at("/to/0/podSelector/matchLabels/app.kubernetes.io~1name").asText())
                    .containsExactly("worker-storefront", "worker-orders", "worker-images");
        }
        assertThat(manifest(export, "NetworkPolicy", "worker-orders")
                .at("/spec/ingress/0/from/0/podSelector/matchLabels").toString()).isEqualTo("{\"app.kubernetes.io/part-of\":\"webshop-ha\","
                + "\"app.kubernetes.io/component\":\"gateway\"}");
    }

    @Test
    void theReadmeNamesTheGatewaysWhyEachHasAStableNameAndTheirBudget() {
        var readme = ExampleDesigns.render("webshop-ha", Target.KUBERNETES).content(KubernetesExport.README);

        assertThat(readme).contains("## Gateways\n\nThis design runs 2 gateways, `gateway-1` and `gateway-2`, so that "
                + "no gateway is a single point of failure");
        assertThat(readme).contains("every worker registers with each gateway individually, so each needs a stable "
                + "name");
        assertThat(readme).contains("the PodDisruptionBudget `gateways` (in `gateways.yaml`) selects every gateway "
                + "pod by `app.kubernetes.io/component: gateway`");
        assertThat(readme).contains("| `gateways.yaml` | the PodDisruptionBudget `gateways` over every gateway |");
    }

    /** Whether every label of a selector is on the pod, with the same value. */
    private static boolean matches(JsonNode matchLabels, JsonNode podLabels) {
        var all = new boolean[] {true};
        matchLabels.fields().forEachRemaining(e -> all[0] &= e.getValue().asText()
                .equals(podLabels.path(e.getKey()).asText(null)));
        return all[0];
    }

    private static List<JsonNode> deployments(Export export) {
        return manifests(export).stream().filter(m -> m.path("kind").asText().equals("Deployment")).toList();
    }

    private static List<String> names(Export export, String kind) {
        return manifests(export).stream().filter(m -> m.path("kind").asText().equals(kind))
                .map(m -> m.at("/metadata/name").asText()).toList();
    }

    /** The element of an array of named objects (volumes, mounts, variables) with this name. */
    private static JsonNode named(JsonNode array, String name) {
        for (var element : array) {
            if (element.path("name").asText().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("nothing named " + name + " in " + array);
    }

    private static List<String> deploymentsMounting(Export export, String volume) {
        return manifests(export).stream().filter(m -> m.path("kind").asText().equals("Deployment"))
                .filter(d -> d.at("/spec/template/spec/containers/0/volumeMounts").findValuesAsText("name")
                        .contains(volume))
                .map(d -> d.at("/metadata/name").asText()).toList();
    }

    static List<JsonNode> manifests(Export export) {
        var manifests = new ArrayList<JsonNode>();
        export.files().stream().filter(f -> f.path().endsWith(".yaml")
                        && !f.path().equals(KubernetesExport.KUSTOMIZATION_FILE))
                .forEach(f -> manifests.addAll(KubernetesModels.documents(f.content())));
        return manifests;
    }

    static JsonNode manifest(Export export, String kind, String name) {
        return manifests(export).stream()
                .filter(m -> m.path("kind").asText().equals(kind) && m.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
