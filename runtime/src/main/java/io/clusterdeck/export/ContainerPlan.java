package io.clusterdeck.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clusterdeck.design.Autoscale;
import io.clusterdeck.design.Design;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan translated for containers. Every service binds 0.0.0.0; a URL of another service becomes its service name
 * ({@code http://gateway:7401}), which Compose and Kubernetes resolve; the replicas of a segment's workers share the
 * config of the plan's first worker, named for the service ({@code worker-orders}); each of a design's gateways is a
 * service of its own ({@code gateway-1}, {@code gateway-2}), never replicas of one, because every worker registers
 * with each gateway by its name and the proxy balances over them by name; bundles and assets, wherever the
 * design keeps them, are read from {@link #BUNDLES_DIR} and {@link #ASSETS_DIR}, where the export's own copies
 * ({@link #designFiles}) are mounted or copied. The proxy reads the end users' shared secret from
 * {@link #END_USER_SECRET_FILE} and a design's key set from {@link #JWKS_FILE}: never from where the design keeps them.
 */
public final class ContainerPlan {
    /** The address every service binds to in a container. */
    public static final String HOST = "0.0.0.0";
    /** Where a container finds the design's bundles, each as {@code NAME.jar}. */
    public static final String BUNDLES_DIR = "/srv/clusterdeck/bundles";
    /** Where a container finds the design's assets folder. */
    public static final String ASSETS_DIR = "/srv/clusterdeck/assets";
    /** Where the export keeps its copies of the bundles and the assets, relative to its folder. */
    public static final String BUNDLES = "bundles";
    public static final String ASSETS = "assets";
    /** Where the service configs are inside a container. */
    public static final String CONFIG_DIR = "/etc/clusterdeck/config";
    /** The end users' HS256 secret: the name of Compose's secret, of the Kubernetes Secret and of its one key. */
    public static final String END_USER_SECRET = "end-user-secret";
    /** Where a container finds the end users' secret: Compose mounts its secrets there, Kubernetes the Secret. */
    public static final String SECRETS_DIR = "/run/secrets";
    /** Where the proxy of a design whose {@code auth} has a {@code secretFile} reads the secret in a container. */
    public static final String END_USER_SECRET_FILE = SECRETS_DIR + "/" + END_USER_SECRET;
    /**
     * The file, relative to the export, that the user writes the end users' secret into and Compose or kustomize
     * reads it from. No export ever writes it; the export's {@code .gitignore} keeps {@code secrets/} out of git.
     */
    public static final String END_USER_SECRET_SOURCE = "secrets/" + END_USER_SECRET;
    /** The export's copy of the design's JSON Web Key Set (public keys, no secret). */
    public static final String JWKS = "auth/jwks.json";
    /** The folder, and the file, a container reads the key set from. */
    public static final String JWKS_DIR = "/etc/clusterdeck/auth";
    public static final String JWKS_FILE = JWKS_DIR + "/jwks.json";

    private ContainerPlan() {
    }

    /** The services of a design in start order, with configs that read the cluster key from {@code clusterKeyFile}. */
    public static List<ContainerService> services(Design design, ExportOptions options, String clusterKeyFile) {
        var plan = Planner.plan(design, new PlanOptions(Path.of(BUNDLES_DIR), options.cores(), HOST, Map.of(),
                clusterKeyFile));
        var byUrl = new HashMap<String, String>();
        for (var process : plan.processes()) {
            if (process.role() != Role.WORKER) {
                byUrl.put(process.url(), "http://" + process.name() + ":" + process.port());
            }
        }
        var services = new ArrayList<ContainerService>();
        for (var process : plan.processes()) {
            if (process.role() != Role.WORKER) {
                services.add(service(process, process.name(), 1, null, byUrl));
            } else if (process.instance() == 1) {
                var segment = design.segment(process.segment()).orElseThrow();
                services.add(service(process, Planner.workerService(segment.name()),
                        plan.workersOf(segment.name()).size(), segment.autoscale(), byUrl));
            }
        }
        return List.copyOf(services);
    }

    /** The service clients call: the proxy, else the (first) gateway or the standalone service. */
    public static ContainerService entry(List<ContainerService> services) {
        return services.stream().filter(s -> s.role() == Role.PROXY).findFirst()
                .or(() -> services.stream().filter(s -> s.role() == Role.GATEWAY || s.role() == Role.STANDALONE)
                        .findFirst())
                .orElseThrow(() -> new IllegalArgumentException("a plan without a proxy, gateway or standalone service"));
    }

    /** The gateway services, in the plan's order: one, or one per replica of the design's gateway. */
    public static List<ContainerService> gateways(List<ContainerService> services) {
        return services.stream().filter(s -> s.role() == Role.GATEWAY).toList();
    }

    /** Whether any service reads files of the design (bundles or assets). */
    public static boolean readsDesignFiles(Design design) {
        return !design.bundles().isEmpty() || design.repository().assets() != null;
    }

    /**
     * The design's bundles, assets and key set as copies an export carries: {@code bundles/NAME.jar},
     * {@code assets/} and {@value #JWKS}, from where the design file's folder says they are on this machine. Never a
     * secret: the export names where the secret goes, the user puts it there.
     */
    public static List<ExportFile> designFiles(Design design, DesignSource source) {
        var files = new ArrayList<ExportFile>();
        for (var bundle : design.bundles()) {
            files.add(ExportFile.copy(BUNDLES + "/" + bundle.name() + ".jar",
                    source.folder().resolve(bundle.path()).normalize()));
        }
        if (design.repository().assets() != null) {
            files.add(ExportFile.copy(ASSETS, source.folder().resolve(design.repository().assets()).normalize()));
        }
        if (EndUserKeys.of(design) == EndUserKeys.JWKS) {
            files.add(ExportFile.copy(JWKS, source.folder().resolve(design.auth().jwksFile()).normalize()));
        }
        return List.copyOf(files);
    }

    private static ContainerService service(PlannedProcess process, String name, int replicas,
                                            Autoscale autoscale, Map<String, String> byUrl) {
        var config = rewrite(process.config(), name, byUrl);
        return new ContainerService(name, process.role(), process.segment(), replicas, process.port(),
                process.restart(), process.jvm(), autoscale, config);
    }

    /** The config under another name, each URL of a planned service replaced by its service name. */
    private static ServiceConfig rewrite(ServiceConfig config, String name, Map<String, String> byUrl) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) StrictJson.mapper().readTree(ServiceConfigs.toJson(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tree.put("name", name);
        replaceUrls(tree, byUrl);
        if (tree.get("assets") != null && tree.get("assets").isTextual()) {
            tree.put("assets", ASSETS_DIR);
        }
        if (tree.get("auth") instanceof ObjectNode auth) {
            if (auth.has("secretFile")) {
                auth.put("secretFile", END_USER_SECRET_FILE);
            }
            if (auth.has("jwksFile")) {
                auth.put("jwksFile", JWKS_FILE);
            }
        }
        if (tree.get("bundles") instanceof ArrayNode bundles) {
            for (var bundle : bundles) {
                if (bundle instanceof ObjectNode object && object.has("path")) {
                    object.put("path", BUNDLES_DIR + "/" + object.get("name").asText() + ".jar");
                }
            }
        }
        var parsed = ServiceConfigs.parse(StrictJson.write(tree), name + ".json", config.role());
        return parsed.value().filter(v -> parsed.ok()).orElseThrow(() -> new IllegalStateException(
                "the container config of " + name + " does not read back: " + parsed.problems()));
    }

    private static void replaceUrls(JsonNode node, Map<String, String> byUrl) {
        if (node instanceof ObjectNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            for (var field : names) {
                var value = object.get(field);
                if (value.isTextual() && byUrl.containsKey(value.textValue())) {
                    object.set(field, TextNode.valueOf(byUrl.get(value.textValue())));
                } else {
                    replaceUrls(value, byUrl);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                var value = array.get(i);
                if (value.isTextual() && byUrl.containsKey(value.textValue())) {
                    array.set(i, TextNode.valueOf(byUrl.get(value.textValue())));
                } else {
                    replaceUrls(value, byUrl);
                }
            }
        }
    }
}
