package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runtime target: the plan on loopback as it is, one config file per process ({@code gateway.json}), and a
 * README that says how to give them the cluster key and start them by hand, in order.
 */
final class RuntimeExport {
    static final String README = "README.md";

    private RuntimeExport() {
    }

    static Export render(Design design, DesignSource source, ExportOptions options) {
        var plan = Planner.plan(design, new PlanOptions(source.folder(), options.cores(), PlanOptions.LOOPBACK,
                Map.of(), options.clusterKeyFile()));
        var files = new ArrayList<ExportFile>();
        for (var process : plan.processes()) {
            files.add(new ExportFile(process.name() + ".json", ServiceConfigs.toJson(process.config())));
        }
        var configs = List.copyOf(files);
        files.add(0, new ExportFile(README, readme(source, plan.processes(), configs, plan.entryUrl(),
                options.clusterKeyFile())));
        return new Export(Target.RUNTIME, source, files);
    }

    private static String readme(DesignSource source, List<PlannedProcess> processes, List<ExportFile> configs,
                                 String entryUrl, String clusterKeyFile) {
        var out = new StringBuilder();
        out.append("<!--\n").append(source.header("")).append("-->\n\n");
        out.append("# ").append(source.name()).append(": runtime configs\n\n");
        out.append("One config per service, for `clusterdeck run ROLE --config FILE`. Every service listens on "
                + "127.0.0.1 at the port in its config.\n\n");
        out.append("## 1. The cluster key\n\n");
        out.append("Every service must hold the same secret cluster key; the configs do not contain it.\n");
        if (clusterKeyFile == null) {
            out.append("Set it in the environment of every service, for example:\n\n```sh\nexport "
                    + ServiceConfig.CLUSTER_KEY_ENV + "=\"$(head -c 32 /dev/urandom | base64)\"\n```\n\n");
            out.append("To read it from a file instead, export again with `--cluster-key-file FILE`.\n\n");
        } else {
            out.append("The configs read it from `").append(clusterKeyFile).append("`. Write it there, readable only "
                    + "by the user the services run as, for example:\n\n```sh\nhead -c 32 /dev/urandom | base64 > "
                    + clusterKeyFile + "\nchmod 600 " + clusterKeyFile + "\n```\n\n");
        }
        out.append("## 2. Start the services, in this order\n\n");
        out.append("Start each in its own terminal (or under a process supervisor), from this folder, with "
                + "`clusterdeck.jar` at hand. Wait until each answers on `/health` before starting the next.\n\n");
        out.append("```sh\n");
        for (var process : processes) {
            out.append("java ").append(String.join(" ", JvmFlags.of(process.jvm())))
                    .append(" -jar clusterdeck.jar run ").append(process.role().json()).append(" --config ")
                    .append(process.name()).append(".json   # ").append(process.url()).append("/health\n");
        }
        out.append("```\n\n");
        out.append("Clients call ").append(entryUrl).append(".\n\n");
        out.append("## Configs\n\n").append(FileTable.of(configs));
        return out.toString();
    }
}
