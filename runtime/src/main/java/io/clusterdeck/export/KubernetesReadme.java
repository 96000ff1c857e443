package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Role;
import java.util.List;

/** The README of a Kubernetes export: the image, the cluster key, applying it, and how the design was mapped. */
final class KubernetesReadme {
    private KubernetesReadme() {
    }

    static String text(Design design, DesignSource source, List<ContainerService> services) {
        String ns = design.name();
        var out = new StringBuilder();
        out.append("<!--\n").append(source.header("")).append("-->\n\n");
        out.append("# ").append(design.name()).append(": Kubernetes\n\n");
        out.append("Everything lives in the namespace `").append(ns).append("`.\n\n");
        out.append("1. Build the runtime image from `packaging/Dockerfile` with `clusterdeck.jar` and push it where "
                + "the cluster pulls from; the Deployments run the image named at export (`--image`).\n");
        if (ContainerPlan.readsDesignFolder(design)) {
            out.append("   The design reads bundles or assets: build an image on top of it that copies the design's "
                    + "folder to `").append(ContainerPlan.DESIGN_DIR).append("`.\n");
        }
        out.append("2. Replace the placeholder cluster key in `").append(KubernetesExport.SECRET_FILE)
                .append("` before you apply it, or create the Secret yourself and skip that file:\n\n")
                .append("   ```sh\n   kubectl create namespace ").append(ns).append("\n")
                .append("   kubectl -n ").append(ns).append(" create secret generic ").append(KubernetesExport.SECRET)
                .append(" --from-literal=").append(KubernetesExport.SECRET)
                .append("=\"$(head -c 32 /dev/urandom | base64)\"\n   ```\n\n");
        out.append("3. Apply the manifests: `kubectl apply -f .` (files apply in name order, the namespace first).\n\n");
        out.append("## How the design maps\n\n");
        out.append("| service | role | replicas | memory request / limit |\n| --- | --- | --- | --- |\n");
        for (var service : services) {
            out.append("| ").append(service.name()).append(" | ").append(service.role().json()).append(" | ")
                    .append(service.replicas()).append(" | ")
                    .append(KubernetesResources.requestMb(service.jvm())).append("Mi / ")
                    .append(KubernetesResources.limitMb(service.jvm())).append("Mi |\n");
        }
        out.append("\n- Memory: the request is the JVM heap plus ").append(KubernetesResources.NON_HEAP_MB)
                .append(" MiB, the limit twice the request; CPU: a request of ")
                .append(KubernetesResources.CPU_REQUEST).append(", no limit.\n");
        out.append("- Probes: readiness and liveness call `/health` on the port named `http`.\n");
        out.append("- Workers find the gateway through its Service name. The Ingress sends everything to `")
                .append(ContainerPlan.entry(services).name()).append("`.\n");
        out.append("- Pods always restart; the design's restart policy is kept as the annotation `")
                .append(KubernetesMeta.RESTART).append("`.\n");
        if (services.stream().anyMatch(s -> s.role() == Role.WORKER && s.autoscale() != null)) {
            out.append("- Segments with `autoscale` get a HorizontalPodAutoscaler on CPU; it needs the metrics "
                    + "server.\n");
        }
        return out.toString();
    }
}
