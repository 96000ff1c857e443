package io.clusterdeck.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Restart;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import java.util.ArrayList;
import java.util.List;

/**
 * The Compose target: {@code compose.yaml} (current Compose specification), the configs it mounts
 * ({@code config/NAME.json}), the runtime image's {@code packaging/Dockerfile} and a README.
 */
final class ComposeExport {
    static final String COMPOSE = "compose.yaml";
    static final String DOCKERFILE = "packaging/Dockerfile";
    static final String README = "README.md";
    static final String KEY_SECRET = "cluster-key";
    /** Where Compose mounts the cluster key secret. */
    static final String KEY_FILE = "/run/secrets/" + KEY_SECRET;
    static final String DESIGN_DIR_VARIABLE = "CLUSTERDECK_DESIGN_DIR";

    private ComposeExport() {
    }

    static Export render(Design design, DesignSource source, ExportOptions options) {
        var services = ContainerPlan.services(design, options, KEY_FILE);
        var files = new ArrayList<ExportFile>();
        files.add(new ExportFile(COMPOSE, source.header("# ") + Yaml.write(compose(design, source, options, services))));
        for (var service : services) {
            files.add(new ExportFile("config/" + service.configFile(), ServiceConfigs.toJson(service.config())));
        }
        var configs = List.copyOf(files.subList(1, files.size()));
        files.add(new ExportFile(DOCKERFILE, source.header("# ") + "\n" + Dockerfile.text()));
        files.add(new ExportFile(README, ComposeReadme.text(design, source, services, configs)));
        return new Export(Target.COMPOSE, source, files);
    }

    private static ObjectNode compose(Design design, DesignSource source, ExportOptions options,
                                      List<ContainerService> services) {
        var root = Yaml.object();
        root.put("name", design.name());
        var entry = ContainerPlan.entry(services);
        var serviceNodes = root.putObject("services");
        for (var service : services) {
            serviceNodes.set(service.name(), service(design, source, options, service, services, service == entry));
        }
        var configs = root.putObject("configs");
        for (var service : services) {
            configs.putObject(service.name()).put("file", "./config/" + service.configFile());
        }
        root.putObject("secrets").putObject(KEY_SECRET).put("file", "./secrets/" + KEY_SECRET);
        return root;
    }

    private static ObjectNode service(Design design, DesignSource source, ExportOptions options,
                                      ContainerService service, List<ContainerService> all, boolean published) {
        var node = Yaml.object();
        node.put("image", options.image());
        node.putObject("build").put("context", ".").put("dockerfile", DOCKERFILE);
        node.set("command", Yaml.array(service.runArguments()));
        node.putObject("environment").put("JAVA_TOOL_OPTIONS", service.javaOptions());
        var config = node.putArray("configs").addObject();
        config.put("source", service.name());
        config.put("target", ContainerPlan.CONFIG_DIR + "/" + service.configFile());
        node.putArray("secrets").addObject().put("source", KEY_SECRET).put("target", KEY_SECRET);
        if (ContainerPlan.readsDesignFolder(design) && service.role() != Role.WORKER) {
            node.putArray("volumes").add("${" + DESIGN_DIR_VARIABLE + ":?set " + DESIGN_DIR_VARIABLE
                    + " to the design's folder}:" + ContainerPlan.DESIGN_DIR + ":ro");
        }
        if (published) {
            var port = node.putArray("ports").addObject();
            port.put("target", service.port());
            port.put("published", Integer.toString(service.port()));
            port.put("protocol", "tcp");
        }
        var dependencies = dependencies(service, all);
        if (!dependencies.isEmpty()) {
            var dependsOn = node.putObject("depends_on");
            dependencies.forEach(d -> dependsOn.putObject(d).put("condition", "service_healthy"));
        }
        var health = node.putObject("healthcheck");
        health.set("test", Yaml.array("CMD", "curl", "-fsS", "-o", "/dev/null",
                "http://127.0.0.1:" + service.port() + "/health"));
        health.put("interval", "10s").put("timeout", "3s").put("retries", 3).put("start_period", "20s");
        node.put("restart", restart(service.restart()));
        if (service.role() == Role.WORKER) {
            node.putObject("deploy").put("replicas", service.replicas());
        }
        node.putObject("labels")
                .put("io.clusterdeck.design", source.name())
                .put("io.clusterdeck.design-sha256", source.sha256())
                .put("io.clusterdeck.role", service.role().json());
        return node;
    }

    /** The services that must be healthy before this one starts: the ones it calls. */
    private static List<String> dependencies(ContainerService service, List<ContainerService> all) {
        if (service.role() == Role.WORKER || service.role() == Role.PROXY) {
            return all.stream().filter(s -> s.role() == Role.REPOSITORY || s.role() == Role.GATEWAY
                    || s.role() == Role.STANDALONE).map(ContainerService::name).toList();
        }
        if (service.role() == Role.GATEWAY) {
            return all.stream().filter(s -> s.role() == Role.REPOSITORY).map(ContainerService::name).toList();
        }
        return List.of();
    }

    /** Compose's restart policy for the design's: {@code always} keeps a service stopped by hand stopped. */
    static String restart(Restart restart) {
        return switch (restart) {
            case ALWAYS -> "unless-stopped";
            case ON_FAILURE -> "on-failure";
            case NEVER -> "no";
        };
    }
}
