package io.clusterdeck.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks manifests with the generated models of the Kubernetes Java client: each document is validated by its
 * kind's {@code validateJsonElement} (which rejects unknown fields and missing required ones, all the way down)
 * and then read by its {@code fromJson}.
 */
final class KubernetesModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private interface Validator {
        void validate(JsonElement element, String json) throws IOException;
    }

    private static final Map<String, Validator> BY_KIND = Map.of(
            "v1/Namespace", (e, j) -> { V1Namespace.validateJsonElement(e); V1Namespace.fromJson(j); },
            "v1/Secret", (e, j) -> { V1Secret.validateJsonElement(e); V1Secret.fromJson(j); },
            "v1/ConfigMap", (e, j) -> { V1ConfigMap.validateJsonElement(e); V1ConfigMap.fromJson(j); },
            "v1/Service", (e, j) -> { V1Service.validateJsonElement(e); V1Service.fromJson(j); },
            "apps/v1/Deployment", (e, j) -> { V1Deployment.validateJsonElement(e); V1Deployment.fromJson(j); },
            "networking.k8s.io/v1/Ingress", (e, j) -> { V1Ingress.validateJsonElement(e); V1Ingress.fromJson(j); },
            "networking.k8s.io/v1/NetworkPolicy", (e, j) -> {
                V1NetworkPolicy.validateJsonElement(e);
                V1NetworkPolicy.fromJson(j);
            },
            "policy/v1/PodDisruptionBudget", (e, j) -> {
                V1PodDisruptionBudget.validateJsonElement(e);
                V1PodDisruptionBudget.fromJson(j);
            },
            "autoscaling/v2/HorizontalPodAutoscaler", (e, j) -> {
                V2HorizontalPodAutoscaler.validateJsonElement(e);
                V2HorizontalPodAutoscaler.fromJson(j);
            });

    private KubernetesModels() {
    }

    /** The documents of a multi-document YAML file. */
    static List<JsonNode> documents(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var documents = new ArrayList<JsonNode>();
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                var document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the model of its kind rejects a manifest, or null when it accepts it. */
    static String problem(JsonNode manifest) {
        String kind = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        var validator = BY_KIND.get(kind);
        if (validator == null) {
            return "no model for " + kind;
        }
        try {
            String json = JSON.writeValueAsString(manifest);
            validator.validate(JsonParser.parseString(json), json);
            return null;
        } catch (IOException | RuntimeException e) {
            return kind + " " + manifest.path("metadata").path("name").asText() + ": " + e.getMessage();
        }
    }

    /** Every problem of every manifest in some YAML files. */
    static List<String> problems(List<String> yamlFiles) {
        var problems = new ArrayList<String>();
        for (var file : yamlFiles) {
            for (var manifest : documents(file)) {
                var problem = problem(manifest);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        return problems;
    }
}
