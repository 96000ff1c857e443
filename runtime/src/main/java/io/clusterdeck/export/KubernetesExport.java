package io.clusterdeck.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Autoscale;
import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes target, one namespace per design (named for it): a Namespace, the cluster key's Secret, one
 * ConfigMap with every config, per service a Deployment (and a Service for all but workers, and an autoscaler for
 * a segment with {@code autoscale}), and an Ingress to the entry service. Files are numbered where order matters:
 * {@code kubectl apply -f DIR} applies them in name order.
 */
final class KubernetesExport {
    static final String NAMESPACE_FILE = "00-namespace.yaml";
    static final String SECRET_FILE = "01-cluster-key-secret.yaml";
    static final String CONFIG_MAP_FILE = "02-configmap.yaml";
    static final String INGRESS_FILE = "ingress.yaml";
    static final String README = "README.md";
    static final String SECRET = "cluster-key";
    static final String CONFIG_MAP = "clusterdeck-config";
    static final String SECRET_DIR = "/etc/clusterdeck/secret";
    /** Where a pod reads the cluster key: the Secret's one key, mounted as a file. */
    static final String KEY_FILE = SECRET_DIR + "/" + SECRET;
    static final String PLACEHOLDER_KEY = "replace-me-with-a-secret-cluster-key";
    static final int USER_ID = 10001;

    private KubernetesExport() {
    }

    static Export render(Design design, DesignSource source, ExportOptions options) {
        var services = ContainerPlan.services(design, options, KEY_FILE);
        var meta = new KubernetesMeta(design.name(), source);
        var files = new ArrayList<ExportFile>();
        files.add(file(source, NAMESPACE_FILE, List.of(namespace(meta))));
        var secret = file(source, SECRET_FILE, List.of(secret(meta)));
        files.add(new ExportFile(secret.path(), secret.content(), true));
        files.add(file(source, CONFIG_MAP_FILE, List.of(configMap(meta, services))));
        var entry = ContainerPlan.entry(services);
        for (var service : services) {
            var documents = new ArrayList<ObjectNode>();
            documents.add(deployment(meta, options, service));
            if (service.role() != Role.WORKER) {
                documents.add(service(meta, service));
            }
            if (service.role() == Role.WORKER && service.autoscale() != null) {
                documents.add(autoscaler(meta, service));
            }
            files.add(file(source, service.name() + ".yaml", documents));
        }
        files.add(file(source, INGRESS_FILE, List.of(ingress(meta, entry))));
        files.add(new ExportFile(README, KubernetesReadme.text(design, source, services)));
        return new Export(Target.KUBERNETES, source, files);
    }

    private static ExportFile file(DesignSource source, String path, List<ObjectNode> documents) {
        return new ExportFile(path, source.header("# ") + Yaml.documents(documents));
    }

    private static ObjectNode namespace(KubernetesMeta meta) {
        var namespace = KubernetesMeta.resource("v1", "Namespace");
        namespace.set("metadata", meta.metadata(meta.namespace(), null, null));
        return namespace;
    }

    private static ObjectNode secret(KubernetesMeta meta) {
        var secret = KubernetesMeta.resource("v1", "Secret");
        secret.set("metadata", meta.namespaced(SECRET, null, null));
        secret.put("type", "Opaque");
        secret.putObject("stringData").put(SECRET, PLACEHOLDER_KEY);
        return secret;
    }

    private static ObjectNode configMap(KubernetesMeta meta, List<ContainerService> services) {
        var configMap = KubernetesMeta.resource("v1", "ConfigMap");
        configMap.set("metadata", meta.namespaced(CONFIG_MAP, null, null));
        var data = configMap.putObject("data");
        for (var service : services) {
            data.put(service.configFile(), ServiceConfigs.toJson(service.config()));
        }
        return configMap;
    }

    private static ObjectNode deployment(KubernetesMeta meta, ExportOptions options, ContainerService service) {
        var deployment = KubernetesMeta.resource("apps/v1", "Deployment");
        var metadata = meta.namespaced(service.name(), service.role().json(), service.name());
        ((ObjectNode) metadata.get("annotations")).put(KubernetesMeta.RESTART, service.restart().json());
        deployment.set("metadata", metadata);
        var spec = deployment.putObject("spec");
        spec.put("replicas", service.replicas());
        spec.putObject("selector").set("matchLabels", meta.selector(service.name()));
        var template = spec.putObject("template");
        var podMetadata = template.putObject("metadata");
        podMetadata.set("labels", meta.labels(service.role().json(), service.name()));
        // A changed config changes the pod template, so the Deployment rolls its pods onto it.
        podMetadata.putObject("annotations").put(KubernetesMeta.CONFIG_SHA256,
                new ExportFile(service.configFile(), ServiceConfigs.toJson(service.config())).sha256());
        var pod = template.putObject("spec");
        pod.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", USER_ID)
                .put("runAsGroup", USER_ID);
        pod.putArray("containers").add(container(options, service));
        var volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "config").putObject("configMap").put("name", CONFIG_MAP);
        volumes.addObject().put("name", "cluster-key").putObject("secret").put("secretName", SECRET);
        return deployment;
    }

    private static ObjectNode container(ExportOptions options, ContainerService service) {
        var container = Yaml.object();
        container.put("name", service.role().json());
        container.put("image", options.image());
        container.put("imagePullPolicy", "IfNotPresent");
        container.set("args", Yaml.array(service.runArguments()));
        container.putArray("env").addObject().put("name", "JAVA_TOOL_OPTIONS").put("value", service.javaOptions());
        container.putArray("ports").addObject().put("name", "http").put("containerPort", service.port())
                .put("protocol", "TCP");
        container.set("readinessProbe", probe(0, 5, 2, 2));
        container.set("livenessProbe", probe(20, 10, 3, 3));
        container.set("resources", KubernetesResources.of(service.jvm()));
        var mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "config").put("mountPath", ContainerPlan.CONFIG_DIR).put("readOnly", true);
        mounts.addObject().put("name", "cluster-key").put("mountPath", SECRET_DIR).put("readOnly", true);
        container.putObject("securityContext").put("allowPrivilegeEscalation", false);
        return container;
    }

    private static ObjectNode probe(int initialDelaySeconds, int periodSeconds, int timeoutSeconds, int failures) {
        var probe = Yaml.object();
        probe.putObject("httpGet").put("path", "/health").put("port", "http");
        if (initialDelaySeconds > 0) {
            probe.put("initialDelaySeconds", initialDelaySeconds);
        }
        probe.put("periodSeconds", periodSeconds).put("timeoutSeconds", timeoutSeconds)
                .put("failureThreshold", failures);
        return probe;
    }

    private static ObjectNode service(KubernetesMeta meta, ContainerService service) {
        var node = KubernetesMeta.resource("v1", "Service");
        node.set("metadata", meta.namespaced(service.name(), service.role().json(), service.name()));
        var spec = node.putObject("spec");
        spec.set("selector", meta.selector(service.name()));
        spec.putArray("ports").addObject().put("name", "http").put("port", service.port()).put("targetPort", "http")
                .put("protocol", "TCP");
        return node;
    }

    private static ObjectNode autoscaler(KubernetesMeta meta, ContainerService service) {
        var autoscale = service.autoscale();
        var node = KubernetesMeta.resource("autoscaling/v2", "HorizontalPodAutoscaler");
        node.set("metadata", meta.namespaced(service.name(), service.role().json(), service.name()));
        var spec = node.putObject("spec");
        spec.putObject("scaleTargetRef").put("apiVersion", "apps/v1").put("kind", "Deployment")
                .put("name", service.name());
        spec.put("minReplicas", minReplicas(autoscale, service.replicas()));
        spec.put("maxReplicas", maxReplicas(autoscale, service.replicas()));
        spec.putArray("metrics").addObject().put("type", "Resource").putObject("resource").put("name", "cpu")
                .putObject("target").put("type", "Utilization").put("averageUtilization", autoscale.cpuPercent());
        return node;
    }

    /** The design's minimum, else the worker count. */
    static int minReplicas(Autoscale autoscale, int workers) {
        return autoscale.minWorkers() == null ? workers : autoscale.minWorkers();
    }

    /** The design's maximum, else twice the larger of the minimum and the worker count. */
    static int maxReplicas(Autoscale autoscale, int workers) {
        return autoscale.maxWorkers() == null ? 2 * Math.max(minReplicas(autoscale, workers), workers)
                : autoscale.maxWorkers();
    }

    private static ObjectNode ingress(KubernetesMeta meta, ContainerService entry) {
        var ingress = KubernetesMeta.resource("networking.k8s.io/v1", "Ingress");
        ingress.set("metadata", meta.namespaced(meta.namespace(), "ingress", null));
        var path = ingress.putObject("spec").putArray("rules").addObject().putObject("http").putArray("paths")
                .addObject();
        path.put("path", "/").put("pathType", "Prefix");
        path.putObject("backend").putObject("service").put("name", entry.name()).putObject("port")
                .put("number", entry.port());
        return ingress;
    }
}
