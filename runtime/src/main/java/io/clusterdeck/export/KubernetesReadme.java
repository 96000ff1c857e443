package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Role;
import java.util.List;

/**
 * The README of a Kubernetes export: the image, the cluster key, the end users' secret or keys, applying it, and how
 * the design was mapped, several gateways included.
 */
final class KubernetesReadme {
    private KubernetesReadme() {
    }

    static String text(Design design, DesignSource source, List<ContainerService> services, List<String> manifests,
                       String image) {
        String ns = design.name();
        var entry = ContainerPlan.entry(services);
        var out = new StringBuilder();
        out.append("<!--\n").append(source.header("")).append("-->\n\n");
        out.append("# ").append(design.name()).append(": Kubernetes\n\n");
        out.append("Everything lives in the namespace `").append(ns).append("`.\n\n");
        out.append("1. The image: every Deployment runs `").append(image).append("` (`--image` at export names it). ");
        if (!ContainerPlan.readsDesignFiles(design)) {
            out.append("It is the runtime image: build it from Clusterdeck's `packaging/Dockerfile` (a Compose export "
                    + "carries it too) and push it where the cluster pulls from.\n");
        } else {
            out.append("The design reads bundles or assets, which this folder carries, so it is the runtime image (built "
                    + "from Clusterdeck's `packaging/Dockerfile`, which a Compose export carries too) with them added. "
                    + "Build it from this folder with this Dockerfile, naming the runtime image in `FROM`, and push it "
                    + "where the cluster pulls from:\n\n   ```dockerfile\n   FROM RUNTIME_IMAGE\n");
            if (!design.bundles().isEmpty()) {
                out.append("   COPY ").append(ContainerPlan.BUNDLES).append("/ ").append(ContainerPlan.BUNDLES_DIR)
                        .append("/\n");
            }
            if (design.repository().assets() != null) {
                out.append("   COPY ").append(ContainerPlan.ASSETS).append("/ ").append(ContainerPlan.ASSETS_DIR)
                        .append("/\n");
            }
            out.append("   ```\n");
        }
        out.append("2. The cluster key, one command: it writes a random key where `")
                .append(KubernetesExport.KUSTOMIZATION_FILE).append("` makes the Secret `")
                .append(KubernetesExport.SECRET).append("` from (`.gitignore` keeps it out of version control):\n\n")
                .append("   ```sh\n   mkdir -p secrets && (umask 077 && head -c 32 /dev/urandom | base64 > ")
                .append(KubernetesExport.SECRET_SOURCE).append(")\n   ```\n\n")
                .append("   The key is not generated for you: a production key belongs to whoever runs the cluster, and "
                        + "an export that held one could end up in version control. Until the file exists, "
                        + "`kubectl apply -k` stops with an error that names it.\n");
        var keys = EndUserKeys.of(design);
        int step = 3;
        if (keys.secret()) {
            out.append(step++).append(". The end users' secret: tokens are signed (HS256) with a secret shared with ")
                    .append("whoever issues them. Write it to `").append(ContainerPlan.END_USER_SECRET_SOURCE)
                    .append("`, where `").append(KubernetesExport.KUSTOMIZATION_FILE).append("` makes the Secret `")
                    .append(ContainerPlan.END_USER_SECRET).append("` from; only the proxy ")
                    .append(keys == EndUserKeys.SECRET_FILE ? "mounts it, at `" + ContainerPlan.END_USER_SECRET_FILE
                            + "`, where its config reads it" : "reads it, as the variable `"
                            + design.auth().secretEnv() + "`")
                    .append(". This export never holds it. A random one, for a test:\n\n")
                    .append("   ```sh\n   mkdir -p secrets && (umask 077 && openssl rand -base64 48 > ")
                    .append(ContainerPlan.END_USER_SECRET_SOURCE).append(")\n   ```\n\n")
                    .append("   It must be at least 32 bytes. Until the file exists, `kubectl apply -k` stops with an ")
                    .append("error that names it.\n");
        }
        out.append(step).append(". Apply: `kubectl apply -k .` (the namespace first; every file is listed in `")
                .append(KubernetesExport.KUSTOMIZATION_FILE).append("`). A new key in `")
                .append(keys.secret() ? "secrets/" : KubernetesExport.SECRET_SOURCE)
                .append("` makes a Secret of a new name, and the next `kubectl apply -k .` rolls every pod that reads "
                        + "it onto it.\n\n");
        if (keys == EndUserKeys.JWKS) {
            out.append("End users' tokens are signed by an identity provider with its private keys; the proxy checks ")
                    .append("them with the public keys of the design's key set. `").append(ContainerPlan.JWKS)
                    .append("` is a copy of it, which `").append(KubernetesExport.KUSTOMIZATION_FILE)
                    .append("` makes the ConfigMap `").append(KubernetesExport.JWKS_CONFIG_MAP)
                    .append("` from; the proxy mounts it read-only at `").append(ContainerPlan.JWKS_FILE)
                    .append("`. When the provider's keys change, export again (or replace the file) and apply.\n\n");
        }
        out.append("## Files\n\n| file | what |\n| --- | --- |\n");
        for (var manifest : manifests) {
            out.append("| `").append(manifest).append("` | ").append(describe(manifest, services)).append(" |\n");
        }
        out.append("| `").append(KubernetesExport.KUSTOMIZATION_FILE)
                .append("` | lists every manifest; makes the Secret `").append(KubernetesExport.SECRET)
                .append("` from `").append(KubernetesExport.SECRET_SOURCE).append("`");
        if (keys.secret()) {
            out.append(" and `").append(ContainerPlan.END_USER_SECRET).append("` from `")
                    .append(ContainerPlan.END_USER_SECRET_SOURCE).append("`");
        }
        if (keys == EndUserKeys.JWKS) {
            out.append("; the ConfigMap `").append(KubernetesExport.JWKS_CONFIG_MAP).append("` from `")
                    .append(ContainerPlan.JWKS).append("`");
        }
        out.append(" |\n");
        out.append("\n## How the design maps\n\n");
        out.append("| service | role | replicas | memory request / limit | disruption budget |\n"
                + "| --- | --- | --- | --- | --- |\n");
        boolean severalGateways = GatewayReplicas.several(services);
        for (var service : services) {
            out.append("| ").append(service.name()).append(" | ").append(service.role().json()).append(" | ")
                    .append(service.replicas()).append(" | ")
                    .append(KubernetesResources.requestMb(service.jvm())).append("Mi / ")
                    .append(KubernetesResources.limitMb(service.jvm())).append("Mi | ")
                    .append(budget(service, severalGateways))
                    .append(" |\n");
        }
        out.append("\n- Memory: the request is the segment's JVM heap (`jvm.heapMb`) plus ")
                .append(KubernetesResources.NON_HEAP_MB).append(" MiB, the limit twice the request; CPU: a request of ")
                .append(KubernetesResources.CPU_REQUEST).append(", no limit.\n");
        out.append("- Probes: readiness and liveness call `/health` on the port named `http`.\n");
        out.append("- Network: only `").append(entry.name()).append("` takes traffic from outside the namespace (the "
                + "Ingress sends everything to it); ").append(severalGateways
                ? "only the gateways call workers; workers reach every gateway and the repository"
                : "only the gateway calls workers; workers reach the gateway and the repository")
                .append(". Everything else is denied, but DNS. The policies need a network plugin that enforces "
                + "NetworkPolicies.\n");
        out.append("- Draining nodes: a segment of two or more workers has a PodDisruptionBudget that keeps all but one "
                + "of its workers running.\n");
        out.append("- Security: pods run as user 10001, with a read-only root file system (an `emptyDir` at `/tmp` is "
                + "the only writable place), no capabilities, no privilege escalation, the runtime's default seccomp "
                + "profile and no service account token.\n");
        out.append("- Pods always restart; the design's restart policy is kept as the annotation `")
                .append(KubernetesMeta.RESTART).append("`.\n");
        if (services.stream().anyMatch(s -> s.role() == Role.WORKER && s.autoscale() != null)) {
            out.append("- Segments with `autoscale` get a HorizontalPodAutoscaler on CPU; it needs the metrics "
                    + "server.\n");
        }
        if (severalGateways) {
            gateways(out, services);
        }
        return out.toString();
    }

    /** Several gateways: why, why each is named, and the budget that keeps them serving while nodes are drained. */
    private static void gateways(StringBuilder out, List<ContainerService> services) {
        int count = ContainerPlan.gateways(services).size();
        out.append("\n## Gateways\n\n").append(GatewayReplicas.why(services)).append("\n\n")
                .append("Each gateway is a Deployment and a Service of its own (")
                .append(GatewayReplicas.listed(services)).append("), not replicas of one Deployment behind one ")
                .append("Service: every worker registers with each gateway individually, so each needs a stable ")
                .append("name.\n\n");
        var withoutProxy = GatewayReplicas.withoutProxy(services);
        if (!withoutProxy.isEmpty()) {
            out.append(withoutProxy).append("\n\n");
        }
        out.append("Draining nodes: the PodDisruptionBudget `").append(KubernetesExport.GATEWAY_BUDGET)
                .append("` (in `").append(KubernetesExport.GATEWAY_BUDGET_FILE)
                .append("`) selects every gateway pod by `").append(KubernetesMeta.COMPONENT).append(": ")
                .append(Role.GATEWAY.json())
                .append("`, which no other pod has, and keeps `minAvailable: ")
                .append(KubernetesExport.gatewaysMinAvailable(count)).append("` of the ").append(count)
                .append(" running: a drain takes one gateway at a time, never the last. An integer `minAvailable` ")
                .append("because the budget spans several Deployments: Kubernetes supports `maxUnavailable` only for ")
                .append("a budget that selects the pods of one workload.\n");
    }

    private static String budget(ContainerService service, boolean severalGateways) {
        if (service.role() == Role.WORKER && service.replicas() >= 2) {
            return "1 pod down at most";
        }
        return service.role() == Role.GATEWAY && severalGateways ? "`" + KubernetesExport.GATEWAY_BUDGET
                + "`: 1 gateway down at most" : "";
    }

    private static String describe(String manifest, List<ContainerService> services) {
        return switch (manifest) {
            case KubernetesExport.NAMESPACE_FILE -> "the Namespace";
            case KubernetesExport.CONFIG_MAP_FILE -> "the ConfigMap `" + KubernetesExport.CONFIG_MAP
                    + "`: every service's config, mounted at `" + ContainerPlan.CONFIG_DIR + "`";
            case KubernetesExport.NETWORK_POLICIES_FILE -> "the NetworkPolicies";
            case KubernetesExport.INGRESS_FILE -> "the Ingress to `" + ContainerPlan.entry(services).name() + "`";
            case KubernetesExport.GATEWAY_BUDGET_FILE -> "the PodDisruptionBudget `" + KubernetesExport.GATEWAY_BUDGET
                    + "` over every gateway";
            default -> services.stream().filter(s -> manifest.equals(s.name() + ".yaml")).findFirst()
                    .map(s -> describe(s, GatewayReplicas.several(services))).orElse("");
        };
    }

    private static String describe(ContainerService service, boolean severalGateways) {
        if (service.role() == Role.GATEWAY && severalGateways) {
            return "one of the gateways: its own Deployment and Service";
        }
        if (service.role() != Role.WORKER) {
            return "the " + service.role().json() + "'s Deployment and Service";
        }
        var parts = new StringBuilder("segment " + service.segment() + ": the workers' Deployment");
        if (service.replicas() >= 2) {
            parts.append(", PodDisruptionBudget");
        }
        if (service.autoscale() != null) {
            parts.append(", HorizontalPodAutoscaler");
        }
        return parts.toString();
    }
}
