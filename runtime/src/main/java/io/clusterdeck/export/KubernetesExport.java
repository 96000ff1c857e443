package io.clusterdeck.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Autoscale;
import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.protocol.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes target, one namespace per design (named for it): a Namespace, one ConfigMap with every config, per
 * service a Deployment (and a Service for all but workers, a PodDisruptionBudget for a segment of two or more workers,
 * an autoscaler for a segment with {@code autoscale}), for a design of several gateways one PodDisruptionBudget over
 * all of them, NetworkPolicies that let only the entry service take traffic
 * from outside, an Ingress to the entry service, and a {@code kustomization.yaml} that lists them all and makes the
 * cluster key's Secret from a file the user writes. A design whose end users sign in gets the Secret of their
 * shared secret made the same way, or a ConfigMap of its key set, for the proxy alone. {@code kubectl apply -k DIR}
 * applies it.
 */
final class KubernetesExport {
    static final String NAMESPACE_FILE = "00-namespace.yaml";
    static final String CONFIG_MAP_FILE = "02-configmap.yaml";
    static final String NETWORK_POLICIES_FILE = "network-policies.yaml";
    /** The PodDisruptionBudget over every gateway of a design that runs several, and its file. */
    static final String GATEWAY_BUDGET = "gateways";
    static final String GATEWAY_BUDGET_FILE = GATEWAY_BUDGET + ".yaml";
    static final String INGRESS_FILE = "ingress.yaml";
    static final String KUSTOMIZATION_FILE = "kustomization.yaml";
    static final String GITIGNORE = ".gitignore";
    static final String README = "README.md";
    static final String SECRET = "cluster-key";
    /** The file, relative to the export, that kustomize makes the Secret from; the user writes it. */
    static final String SECRET_SOURCE = "secrets/cluster-key";
    static final String CONFIG_MAP = "clusterdeck-config";
    static final String SECRET_DIR = "/etc/clusterdeck/secret";
    /** Where a pod reads the cluster key: the Secret's one key, mounted as a file. */
    static final String KEY_FILE = SECRET_DIR + "/" + SECRET;
    static final int USER_ID = 10001;
    /** The key file's mode in a pod, 0440: the pod's group (its fsGroup) reads it, nobody writes it. */
    static final int KEY_FILE_MODE = 0440;
    /** The ConfigMap of the design's key set, made from the export's copy, with its one key. */
    static final String JWKS_CONFIG_MAP = "end-user-jwks";
    static final String JWKS_KEY = "jwks.json";

    private KubernetesExport() {
    }

    static Export render(Design design, DesignSource source, ExportOptions options) {
        var services = ContainerPlan.services(design, options, KEY_FILE);
        var meta = new KubernetesMeta(design.name(), source);
        var files = new ArrayList<ExportFile>();
        files.add(file(source, NAMESPACE_FILE, List.of(namespace(meta))));
        files.add(file(source, CONFIG_MAP_FILE, List.of(configMap(meta, services))));
        var entry = ContainerPlan.entry(services);
        // Each of several gateways is a Deployment and a Service of its own, never replicas of one Deployment behind
        // one Service: every worker registers with each gateway individually, so each needs a stable name.
        for (var service : services) {
            var documents = new ArrayList<ObjectNode>();
            documents.add(deployment(meta, options, service, design));
            if (service.role() != Role.WORKER) {
                documents.add(service(meta, service));
            }
            if (service.role() == Role.WORKER && service.replicas() >= 2) {
                documents.add(disruptionBudget(meta, service));
            }
            if (service.role() == Role.WORKER && service.autoscale() != null) {
                documents.add(autoscaler(meta, service));
            }
            files.add(file(source, service.name() + ".yaml", documents));
        }
        if (GatewayReplicas.several(services)) {
            files.add(file(source, GATEWAY_BUDGET_FILE, List.of(gatewayBudget(meta,
                    ContainerPlan.gateways(services).size()))));
        }
        files.add(file(source, NETWORK_POLICIES_FILE, KubernetesNetworkPolicies.of(meta, services)));
        files.add(file(source, INGRESS_FILE, List.of(ingress(meta, entry))));
        var manifests = files.stream().map(ExportFile::path).toList();
        var keys = EndUserKeys.of(design);
        files.add(new ExportFile(KUSTOMIZATION_FILE, source.header("# ")
                + Yaml.write(kustomization(meta, manifests, keys))));
        files.add(new ExportFile(GITIGNORE, source.header("# ") + "# The " + (keys.secret()
                ? "cluster key and the end users' secret kustomize makes the Secrets from: never commit them."
                : "cluster key kustomize makes the Secret from: never commit it.") + "\n/secrets/\n"));
        files.addAll(ContainerPlan.designFiles(design, source));
        files.add(new ExportFile(README, KubernetesReadme.text(design, source, services, manifests,
                options.image())));
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

    /**
     * Every manifest, and the Secret {@value #SECRET} made from {@value #SECRET_SOURCE} (and the end users' secret
     * from its file, or their key set's ConfigMap from the export's copy). Their names get a hash of what they hold,
     * which kustomize writes into the Deployments too: a new key rolls every pod that reads it onto it.
     */
    private static ObjectNode kustomization(KubernetesMeta meta, List<String> manifests, EndUserKeys keys) {
        var root = KubernetesMeta.resource("kustomize.config.k8s.io/v1beta1", "Kustomization");
        root.set("resources", Yaml.array(manifests));
        var secrets = root.putArray("secretGenerator");
        generated(secrets, meta, SECRET, "Opaque", SECRET + "=" + SECRET_SOURCE);
        if (keys.secret()) {
            generated(secrets, meta, ContainerPlan.END_USER_SECRET, "Opaque",
                    ContainerPlan.END_USER_SECRET + "=" + ContainerPlan.END_USER_SECRET_SOURCE);
        }
        if (keys == EndUserKeys.JWKS) {
            generated(root.putArray("configMapGenerator"), meta, JWKS_CONFIG_MAP, null,
                    JWKS_KEY + "=" + ContainerPlan.JWKS);
        }
        return root;
    }

    /** A generator entry that makes a Secret (of a type) or a ConfigMap (type null) from one file. */
    private static void generated(ArrayNode generator, KubernetesMeta meta, String name, String type, String file) {
        var node = generator.addObject();
        node.put("name", name).put("namespace", meta.namespace());
        if (type != null) {
            node.put("type", type);
        }
        node.set("files", Yaml.array(file));
        node.putObject("options").set("labels", meta.labels(null, null));
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

    private static ObjectNode deployment(KubernetesMeta meta, ExportOptions options, ContainerService service,
                                         Design design) {
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
        // The services never call the Kubernetes API.
        pod.put("automountServiceAccountToken", false);
        pod.putObject("securityContext").put("runAsNonRoot", true).put("runAsUser", USER_ID)
                .put("runAsGroup", USER_ID).put("fsGroup", USER_ID)
                .putObject("seccompProfile").put("type", "RuntimeDefault");
        var container = container(options, service);
        pod.putArray("containers").add(container);
        var volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "config").putObject("configMap").put("name", CONFIG_MAP);
        volumes.addObject().put("name", "cluster-key").putObject("secret").put("secretName", SECRET)
                .put("defaultMode", KEY_FILE_MODE);
        volumes.addObject().put("name", "tmp").putObject("emptyDir");
        if (service.role() == Role.PROXY) {
            endUserKeys(design, volumes, container);
        }
        return deployment;
    }

    /** What the proxy checks end users' tokens with: their Secret as a file or a variable, or their key set. */
    private static void endUserKeys(Design design, ArrayNode volumes, ObjectNode container) {
        var mounts = (ArrayNode) container.get("volumeMounts");
        switch (EndUserKeys.of(design)) {
            case SECRET_FILE -> {
                volumes.addObject().put("name", ContainerPlan.END_USER_SECRET).putObject("secret")
                        .put("secretName", ContainerPlan.END_USER_SECRET).put("defaultMode", KEY_FILE_MODE);
                mounts.addObject().put("name", ContainerPlan.END_USER_SECRET)
                        .put("mountPath", ContainerPlan.SECRETS_DIR).put("readOnly", true);
            }
            case SECRET_ENV -> ((ArrayNode) container.get("env")).addObject().put("name", design.auth().secretEnv())
                    .putObject("valueFrom").putObject("secretKeyRef").put("name", ContainerPlan.END_USER_SECRET)
                    .put("key", ContainerPlan.END_USER_SECRET);
            case JWKS -> {
                volumes.addObject().put("name", JWKS_CONFIG_MAP).putObject("configMap").put("name", JWKS_CONFIG_MAP);
                mounts.addObject().put("name", JWKS_CONFIG_MAP).put("mountPath", ContainerPlan.JWKS_DIR)
                        .put("readOnly", true);
            }
            case NONE -> {
            }
        }
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
        // The only writable place: the JVM's perf data, and bundles a worker fetches.
        mounts.addObject().put("name", "tmp").put("mountPath", "/tmp");
        var security = container.putObject("securityContext");
        security.put("allowPrivilegeEscalation", false).put("readOnlyRootFilesystem", true).put("runAsNonRoot", true);
        security.putObject("capabilities").set("drop", Yaml.array("ALL"));
        return container;
    }

    private static ObjectNode probe(int initialDelaySeconds, int periodSeconds, int timeoutSeconds, int failures) {
        var probe = Yaml.object();
        probe.putObject("httpGet").put("path", Paths.HEALTH).put("port", "http");
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

    /** Keeps all but one of a segment's workers running while nodes are drained. */
    private static ObjectNode disruptionBudget(KubernetesMeta meta, ContainerService service) {
        var node = KubernetesMeta.resource("policy/v1", "PodDisruptionBudget");
        node.set("metadata", meta.namespaced(service.name(), service.role().json(), service.name()));
        var spec = node.putObject("spec");
        spec.put("maxUnavailable", 1);
        spec.putObject("selector").set("matchLabels", meta.selector(service.name()));
        return node;
    }

    /**
     * Lets a drain take at most one gateway at a time, so with two one always keeps serving, with more all but one.
     * It spans the gateways' separate Deployments (their pods share the gateway component label, which no other pod
     * has), and for a budget whose selector is not one workload's own Kubernetes supports only an integer
     * {@code minAvailable}, not {@code maxUnavailable}: hence {@link #gatewaysMinAvailable}.
     */
    private static ObjectNode gatewayBudget(KubernetesMeta meta, int gateways) {
        var node = KubernetesMeta.resource("policy/v1", "PodDisruptionBudget");
        node.set("metadata", meta.namespaced(GATEWAY_BUDGET, Role.GATEWAY.json(), GATEWAY_BUDGET));
        var spec = node.putObject("spec");
        spec.put("minAvailable", gatewaysMinAvailable(gateways));
        spec.putObject("selector").set("matchLabels", meta.componentSelector(Role.GATEWAY.json()));
        return node;
    }

    /** How many gateways a drain leaves running: all but one. */
    static int gatewaysMinAvailable(int gateways) {
        return gateways - 1;
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
