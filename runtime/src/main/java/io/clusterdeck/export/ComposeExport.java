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
 * ({@code config/NAME.json}), a {@code .env} with the settings a user may change, the runtime image's
 * {@code packaging/Dockerfile}, the jar it is built from when one is at hand, the design's bundles, assets and key
 * set, and a README. Each of several gateways is a service of its own ({@code gateway-1}, {@code gateway-2}), which
 * workers and the proxy name one by one. {@code docker compose up -d --build} in the folder starts it all: the
 * cluster key is generated on first start into a volume, readable only by the services' user. A design whose end
 * users sign in with a shared secret needs that one secret from the user: in {@code secrets/end-user-secret},
 * mounted as a Compose secret, or in the variable its {@code secretEnv} names, which Compose refuses to start
 * without.
 */
final class ComposeExport {
    static final String COMPOSE = "compose.yaml";
    static final String ENV = ".env";
    static final String DOCKERFILE = "packaging/Dockerfile";
    static final String JAR = "clusterdeck.jar";
    static final String README = "README.md";
    static final String GITIGNORE = ".gitignore";
    /** The one-shot service that writes the cluster key, and the volume that keeps it. */
    static final String KEY_SERVICE = "cluster-key";
    static final String KEY_VOLUME = "cluster-key";
    static final String KEY_DIR = "/var/lib/clusterdeck/keys";
    /** Where every service reads the cluster key. */
    static final String KEY_FILE = KEY_DIR + "/cluster-key";
    static final String IMAGE_VARIABLE = "CLUSTERDECK_IMAGE";
    static final String PORT_VARIABLE = "CLUSTERDECK_PORT";
    static final String HEALTH_COMMAND = "/usr/local/bin/clusterdeck-health";
    /** Writes a key once, owner-only; the image's user owns the volume. No '$': Compose would interpolate it. */
    static final String KEY_SCRIPT = "umask 077 && test -s " + KEY_FILE + " || head -c 32 /dev/urandom | base64 > "
            + KEY_FILE;

    private ComposeExport() {
    }

    static Export render(Design design, DesignSource source, ExportOptions options) {
        var services = ContainerPlan.services(design, options, KEY_FILE);
        var entry = ContainerPlan.entry(services);
        var files = new ArrayList<ExportFile>();
        files.add(new ExportFile(COMPOSE, source.header("# ") + Yaml.write(compose(design, source, options, services))));
        for (var service : services) {
            files.add(new ExportFile("config/" + service.configFile(), ServiceConfigs.toJson(service.config())));
        }
        var configs = List.copyOf(files.subList(1, files.size()));
        files.add(new ExportFile(ENV, env(design, source, options, entry)));
        files.add(new ExportFile(DOCKERFILE, source.header("# ") + "\n" + Dockerfile.text()));
        if (options.runtimeJar() != null) {
            files.add(ExportFile.copy(JAR, options.runtimeJar()));
        }
        if (EndUserKeys.of(design) == EndUserKeys.SECRET_FILE) {
            files.add(new ExportFile(GITIGNORE, source.header("# ")
                    + "# The end users' secret Compose mounts into the proxy: never commit it.\n/secrets/\n"));
        }
        files.addAll(ContainerPlan.designFiles(design, source));
        files.add(new ExportFile(README, ComposeReadme.text(design, source, services, configs,
                options.runtimeJar() != null)));
        return new Export(Target.COMPOSE, source, files);
    }

    /** The settings a user may change without exporting again; compose.yaml falls back to the same values. */
    private static String env(Design design, DesignSource source, ExportOptions options, ContainerService entry) {
        var env = source.header("# ")
                + "# Docker Compose reads this file by itself. compose.yaml has the same values as defaults.\n"
                + "\n# The runtime image every service runs; `docker compose up --build` builds it from " + DOCKERFILE
                + ".\n" + IMAGE_VARIABLE + "=" + options.image() + "\n"
                + "\n# The port on this machine that clients call: the " + entry.name() + "'s.\n"
                + PORT_VARIABLE + "=" + entry.port() + "\n";
        if (EndUserKeys.of(design) == EndUserKeys.SECRET_ENV) {
            env += "\n# " + design.auth().secretEnv() + ", the end users' secret, belongs in the environment `docker "
                    + "compose` runs in, never in this file.\n";
        }
        return env;
    }

    /** The proxy's reference to the end users' secret: Compose refuses to start while the variable is not set. */
    static String secretEnvReference(String variable) {
        return "${" + variable + ":?set " + variable + " to the secret of end users' tokens, see README.md}";
    }

    private static ObjectNode compose(Design design, DesignSource source, ExportOptions options,
                                      List<ContainerService> services) {
        var root = Yaml.object();
        root.put("name", design.name());
        var entry = ContainerPlan.entry(services);
        var serviceNodes = root.putObject("services");
        serviceNodes.set(KEY_SERVICE, keyService(source, options));
        for (var service : services) {
            serviceNodes.set(service.name(), service(design, source, options, service, services, service == entry));
        }
        var configs = root.putObject("configs");
        for (var service : services) {
            configs.putObject(service.name()).put("file", "./config/" + service.configFile());
        }
        if (EndUserKeys.of(design) == EndUserKeys.SECRET_FILE) {
            root.putObject("secrets").putObject(ContainerPlan.END_USER_SECRET)
                    .put("file", "./" + ContainerPlan.END_USER_SECRET_SOURCE);
        }
        root.putObject("volumes").putObject(KEY_VOLUME);
        return root;
    }

    /** Writes the cluster key into its volume on the first start, and never again. */
    private static ObjectNode keyService(DesignSource source, ExportOptions options) {
        var node = Yaml.object();
        image(node, options);
        node.set("entrypoint", Yaml.array("/bin/sh", "-c", KEY_SCRIPT));
        node.putArray("volumes").add(KEY_VOLUME + ":" + KEY_DIR);
        harden(node);
        node.put("restart", "no");
        node.putObject("labels")
                .put("io.clusterdeck.design", source.name())
                .put("io.clusterdeck.design-sha256", source.sha256())
                .put("io.clusterdeck.role", "cluster-key");
        return node;
    }

    private static void image(ObjectNode node, ExportOptions options) {
        node.put("image", "${" + IMAGE_VARIABLE + ":-" + options.image() + "}");
        node.putObject("build").put("context", ".").put("dockerfile", DOCKERFILE);
    }

    /** No root file system writes but /tmp, no capabilities, no privilege escalation. */
    private static void harden(ObjectNode node) {
        node.put("read_only", true);
        node.putArray("tmpfs").add("/tmp");
        node.putArray("cap_drop").add("ALL");
        node.putArray("security_opt").add("no-new-privileges:true");
    }

    private static ObjectNode service(Design design, DesignSource source, ExportOptions options,
                                      ContainerService service, List<ContainerService> all, boolean published) {
        var node = Yaml.object();
        image(node, options);
        node.set("command", Yaml.array(service.runArguments()));
        var environment = node.putObject("environment").put("JAVA_TOOL_OPTIONS", service.javaOptions());
        var config = node.putArray("configs").addObject();
        config.put("source", service.name());
        config.put("target", ContainerPlan.CONFIG_DIR + "/" + service.configFile());
        var volumes = node.putArray("volumes");
        volumes.add(KEY_VOLUME + ":" + KEY_DIR + ":ro");
        if (service.role() == Role.PROXY) {
            switch (EndUserKeys.of(design)) {
                case SECRET_FILE -> node.putArray("secrets").addObject().put("source", ContainerPlan.END_USER_SECRET)
                        .put("target", ContainerPlan.END_USER_SECRET_FILE);
                case SECRET_ENV -> environment.put(design.auth().secretEnv(),
                        secretEnvReference(design.auth().secretEnv()));
                case JWKS -> volumes.add("./" + ContainerPlan.JWKS + ":" + ContainerPlan.JWKS_FILE + ":ro");
                case NONE -> {
                }
            }
        }
        if (service.role() == Role.REPOSITORY || service.role() == Role.STANDALONE) {
            if (!design.bundles().isEmpty()) {
                volumes.add("./" + ContainerPlan.BUNDLES + ":" + ContainerPlan.BUNDLES_DIR + ":ro");
            }
            if (design.repository().assets() != null) {
                volumes.add("./" + ContainerPlan.ASSETS + ":" + ContainerPlan.ASSETS_DIR + ":ro");
            }
        }
        harden(node);
        if (published) {
            var port = node.putArray("ports").addObject();
            port.put("target", service.port());
            port.put("published", "${" + PORT_VARIABLE + ":-" + service.port() + "}");
            port.put("protocol", "tcp");
        }
        var dependsOn = node.putObject("depends_on");
        dependsOn.putObject(KEY_SERVICE).put("condition", "service_completed_successfully");
        dependencies(service, all).forEach(d -> dependsOn.putObject(d).put("condition", "service_healthy"));
        var health = node.putObject("healthcheck");
        health.set("test", Yaml.array("CMD", HEALTH_COMMAND));
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

    /** The services that must be healthy before this one starts: the ones it calls, every gateway among them. */
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
