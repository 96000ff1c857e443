package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Role;
import java.util.List;

/**
 * The README of a Compose export: the one command that starts it, the cluster key, the end users' secret or keys, the
 * gateways when there are several, and what differs from the design.
 */
final class ComposeReadme {
    private ComposeReadme() {
    }

    static String text(Design design, DesignSource source, List<ContainerService> services, List<ExportFile> configs,
                       boolean carriesJar) {
        var entry = ContainerPlan.entry(services);
        var out = new StringBuilder();
        out.append("<!--\n").append(source.header("")).append("-->\n\n");
        out.append("# ").append(design.name()).append(": Docker Compose\n\n");
        if (!carriesJar) {
            out.append("This export was made without a runtime jar at hand: first put `").append(ComposeExport.JAR)
                    .append("` (the runtime's executable jar) in this folder.\n\n");
        }
        var keys = EndUserKeys.of(design);
        if (keys.secret()) {
            out.append("The proxy checks end users' tokens with a secret this export does not hold: give it one first ")
                    .append("(see [End users' tokens](#end-users-tokens)).\n\n");
        }
        out.append("Start it, from this folder, with one command (Docker Compose v2):\n\n")
                .append("```sh\ndocker compose up -d --build\n```\n\n")
                .append("It builds the runtime image from `").append(ComposeExport.DOCKERFILE).append("` and `")
                .append(ComposeExport.JAR).append("`, writes the cluster key on the first start, and starts the ")
                .append("services in order, each once the ones it calls are healthy. Clients call http://localhost:")
                .append(entry.port()).append(" (the ").append(entry.name())
                .append(", the only published port). `docker compose down` stops it; the key stays for the next start.\n\n");
        out.append("## The cluster key\n\n")
                .append("Every service proves it belongs to the cluster with tokens signed by one shared secret key. ")
                .append("The service `").append(ComposeExport.KEY_SERVICE)
                .append("` generates it on the first start (32 random bytes, base64) into the volume `")
                .append(ComposeExport.KEY_VOLUME).append("`, as a file only the services' user can read (mode 600, ")
                .append("user 10001), and leaves it alone on every later start. The services mount the volume read-only ")
                .append("and read the key from `").append(ComposeExport.KEY_FILE).append("`.\n\n")
                .append("Why generated and not a file you write: the key is then never in this folder, which you may ")
                .append("keep in version control, nobody has to remember a step before the first start, and the export ")
                .append("stays the same bytes for the same design.\n\n")
                .append("- Use a key of your own (for example one that other tools share): ")
                .append("`docker compose run --rm -T --entrypoint sh ").append(ComposeExport.KEY_SERVICE)
                .append(" -c 'cat > ").append(ComposeExport.KEY_FILE).append("' < my-key`, then ")
                .append("`docker compose up -d --force-recreate`.\n")
                .append("- A new key: `docker compose down -v` (it removes the volume), then start again.\n\n");
        endUsers(out, design, keys);
        out.append("## What is in this folder\n\n")
                .append("| file | what |\n| --- | --- |\n")
                .append("| `").append(ComposeExport.COMPOSE).append("` | the services, configs and the key volume")
                .append(keys == EndUserKeys.SECRET_FILE ? ", and the end users' secret" : "").append(" |\n")
                .append("| `").append(ComposeExport.ENV).append("` | settings to change without exporting again: `")
                .append(ComposeExport.IMAGE_VARIABLE).append("` (the image's name) and `")
                .append(ComposeExport.PORT_VARIABLE).append("` (the published port) |\n")
                .append("| `config/` | each service's config, mounted at `").append(ContainerPlan.CONFIG_DIR)
                .append("` |\n")
                .append("| `").append(ComposeExport.DOCKERFILE).append("` | the runtime image: a Java 17 JRE and `")
                .append(ComposeExport.JAR).append("`, run as the non-root user 10001 |\n")
                .append("| `").append(ComposeExport.JAR).append("` | the runtime the image is built from |\n");
        if (keys == EndUserKeys.SECRET_FILE) {
            out.append("| `").append(ContainerPlan.END_USER_SECRET_SOURCE)
                    .append("` | not exported: the end users' secret, which you write |\n")
                    .append("| `").append(ComposeExport.GITIGNORE).append("` | keeps `secrets/` out of git |\n");
        }
        if (keys == EndUserKeys.JWKS) {
            out.append("| `").append(ContainerPlan.JWKS).append("` | the design's key set, mounted read-only at `")
                    .append(ContainerPlan.JWKS_FILE).append("` in the proxy |\n");
        }
        if (!design.bundles().isEmpty()) {
            out.append("| `").append(ContainerPlan.BUNDLES).append("/` | the design's bundles, mounted read-only at `")
                    .append(ContainerPlan.BUNDLES_DIR).append("` in the ")
                    .append(serviceReading(services)).append(" |\n");
        }
        if (design.repository().assets() != null) {
            out.append("| `").append(ContainerPlan.ASSETS).append("/` | the design's assets, mounted read-only at `")
                    .append(ContainerPlan.ASSETS_DIR).append("` in the ")
                    .append(serviceReading(services)).append(" |\n");
        }
        out.append("\n## Services\n\n| service | role | replicas | restart |\n| --- | --- | --- | --- |\n");
        for (var service : services) {
            out.append("| ").append(service.name()).append(" | ").append(service.role().json()).append(" | ")
                    .append(service.replicas()).append(" | ").append(ComposeExport.restart(service.restart()))
                    .append(" |\n");
        }
        boolean severalGateways = GatewayReplicas.several(services);
        out.append("\nEach worker service runs its segment's workers as `deploy.replicas` identical containers; "
                + (severalGateways ? "they find every gateway at its service name" : "they find the gateway at its "
                + "service name") + ". Health checks call `/health` with the image's own "
                + "`clusterdeck-health`. Containers run as user 10001 with a read-only root file system (only `/tmp` "
                + "is writable), no capabilities and no privilege escalation.\n");
        if (services.stream().anyMatch(s -> s.role() == Role.WORKER && s.autoscale() != null)) {
            out.append("Compose does not autoscale: segments with `autoscale` run their design's worker count.\n");
        }
        if (severalGateways) {
            gateways(out, services);
        }
        out.append("\n## Configs\n\nMounted at `").append(ContainerPlan.CONFIG_DIR).append("`.\n\n")
                .append(FileTable.of(configs));
        return out.toString();
    }

    /** Why several gateways, and how Compose runs them. */
    private static void gateways(StringBuilder out, List<ContainerService> services) {
        out.append("\n## Gateways\n\n").append(GatewayReplicas.why(services)).append("\n\n")
                .append("Each gateway is a service of its own with its own config (`config/")
                .append(ContainerPlan.gateways(services).get(0).configFile()).append("`, ...), not ")
                .append("`deploy.replicas` of one: every worker registers with each gateway by its service name. ")
                .append("The services that call the gateways start once every gateway is healthy.\n");
        var withoutProxy = GatewayReplicas.withoutProxy(services);
        if (!withoutProxy.isEmpty()) {
            out.append("\n").append(withoutProxy).append("\n");
        }
    }

    /** How the proxy gets what it checks end users' tokens with, and what the user must do for it. */
    private static void endUsers(StringBuilder out, Design design, EndUserKeys keys) {
        if (keys == EndUserKeys.NONE) {
            return;
        }
        out.append("## End users' tokens\n\n")
                .append("The proxy checks every end user's token on its own (issuer `").append(design.auth().issuer())
                .append("`, audience `").append(design.auth().audience()).append("`).\n\n");
        switch (keys) {
            case SECRET_FILE -> out.append("Tokens are signed (HS256) with a secret shared with whoever issues them. ")
                    .append("Write it to `").append(ContainerPlan.END_USER_SECRET_SOURCE).append("` before the first ")
                    .append("start: `").append(ComposeExport.COMPOSE).append("` mounts it into the proxy as the ")
                    .append("secret `").append(ContainerPlan.END_USER_SECRET).append("`, at `")
                    .append(ContainerPlan.END_USER_SECRET_FILE).append("`, where the proxy's config reads it. ")
                    .append("This export never holds it, and `").append(ComposeExport.GITIGNORE)
                    .append("` keeps `secrets/` out of git. Compose mounts the file as it is and the proxy runs as ")
                    .append("user 10001, so the file must be readable by all, in a folder only you can open. ")
                    .append("A random one, for a test:\n\n```sh\nmkdir -p secrets && chmod 700 secrets && ")
                    .append("openssl rand -base64 48 > ").append(ContainerPlan.END_USER_SECRET_SOURCE)
                    .append(" && chmod 644 ").append(ContainerPlan.END_USER_SECRET_SOURCE).append("\n```\n\n")
                    .append("Until the file exists, `docker compose up` stops: it cannot mount it. The secret must ")
                    .append("be at least 32 bytes. Tokens from `clusterdeck token --design DESIGN` are signed with the ")
                    .append("design's own secret file: copy that here to try them. A new secret: write it, then ")
                    .append("`docker compose up -d --force-recreate proxy`.\n\n");
            case SECRET_ENV -> {
                String variable = design.auth().secretEnv();
                out.append("Tokens are signed (HS256) with a secret shared with whoever issues them. The proxy reads ")
                        .append("it from the variable `").append(variable).append("`, which `")
                        .append(ComposeExport.COMPOSE).append("` passes on from the environment `docker compose` ")
                        .append("runs in; without it Compose refuses to start (\"required variable ").append(variable)
                        .append(" is missing a value\"). This export never holds it: keep it out of `")
                        .append(ComposeExport.ENV).append("`. A random one, for a test:\n\n```sh\nexport ")
                        .append(variable).append("=\"$(openssl rand -base64 48)\"\n```\n\n")
                        .append("The secret must be at least 32 bytes. A new secret: set it, then ")
                        .append("`docker compose up -d proxy`.\n\n");
            }
            case JWKS -> out.append("Tokens are signed by an identity provider with its private keys; the proxy ")
                    .append("checks them with the public keys of the design's key set. `").append(ContainerPlan.JWKS)
                    .append("` is a copy of it, mounted read-only at `").append(ContainerPlan.JWKS_FILE)
                    .append("`. When the provider's keys change, export again (or replace the file), then ")
                    .append("`docker compose up -d --force-recreate proxy`.\n\n");
            case NONE -> {
            }
        }
    }

    private static String serviceReading(List<ContainerService> services) {
        return services.stream().anyMatch(s -> s.role() == Role.STANDALONE) ? "standalone service" : "repository";
    }
}
