package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Role;
import java.util.List;

/** The README of a Compose export: what to add to the folder, how to start it, what differs from the design. */
final class ComposeReadme {
    private ComposeReadme() {
    }

    static String text(Design design, DesignSource source, List<ContainerService> services,
                       List<ExportFile> configs) {
        var entry = ContainerPlan.entry(services);
        var out = new StringBuilder();
        out.append("<!--\n").append(source.header("")).append("-->\n\n");
        out.append("# ").append(design.name()).append(": Docker Compose\n\n");
        out.append("1. Put `clusterdeck.jar` in this folder: the image is built from it by `")
                .append(ComposeExport.DOCKERFILE).append("`.\n");
        out.append("2. Write the cluster key (a secret every service shares; it is never in a config):\n\n")
                .append("   ```sh\n   mkdir -p secrets && head -c 32 /dev/urandom | base64 > secrets/")
                .append(ComposeExport.KEY_SECRET).append("\n   ```\n\n");
        if (ContainerPlan.readsDesignFolder(design)) {
            out.append("   The design reads bundles or assets: set `").append(ComposeExport.DESIGN_DIR_VARIABLE)
                    .append("` to the design's folder; it is mounted read-only at `")
                    .append(ContainerPlan.DESIGN_DIR).append("`.\n\n");
        }
        out.append("3. Start it: `docker compose up -d --build`. Clients call http://localhost:")
                .append(entry.port()).append(" (the ").append(entry.name()).append(", the only published port).\n\n");
        out.append("## Services\n\n| service | role | replicas | restart |\n| --- | --- | --- | --- |\n");
        for (var service : services) {
            out.append("| ").append(service.name()).append(" | ").append(service.role().json()).append(" | ")
                    .append(service.replicas()).append(" | ").append(ComposeExport.restart(service.restart()))
                    .append(" |\n");
        }
        out.append("\nEach worker service runs its segment's workers as `deploy.replicas` identical containers; "
                + "they find the gateway at its service name. Healthchecks call `/health` with curl.\n");
        if (services.stream().anyMatch(s -> s.role() == Role.WORKER && s.autoscale() != null)) {
            out.append("Compose does not autoscale: segments with `autoscale` run their design's worker count.\n");
        }
        out.append("\n## Configs\n\nMounted at `").append(ContainerPlan.CONFIG_DIR).append("`.\n\n")
                .append(FileTable.of(configs));
        return out.toString();
    }
}
