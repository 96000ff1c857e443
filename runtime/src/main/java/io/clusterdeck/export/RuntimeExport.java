package io.clusterdeck.export;

import io.clusterdeck.design.AuthSettings;
import io.clusterdeck.design.Design;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runtime target: the plan on loopback as it is, one config file per process ({@code gateway.json}), and a
 * README that says how to give them the cluster key (and the proxy the end users' secret or keys) and start them by
 * hand, in order. Files the design names are absolute paths on this machine, which the user may change in the
 * configs.
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
        var auth = plan.process(Planner.PROXY).map(p -> ((ProxyConfig) p.config()).auth()).orElse(null);
        files.add(0, new ExportFile(README, readme(source, plan.processes(), configs, plan.entryUrl(),
                options.clusterKeyFile(), auth)));
        return new Export(Target.RUNTIME, source, files);
    }

    private static String readme(DesignSource source, List<PlannedProcess> processes, List<ExportFile> configs,
                                 String entryUrl, String clusterKeyFile, AuthSettings auth) {
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
        int section = 2;
        if (auth != null) {
            out.append("## ").append(section++).append(". End users' tokens\n\n");
            endUsers(out, auth);
        }
        out.append("## ").append(section).append(". Start the services, in this order\n\n");
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

    /** Where the proxy finds what it checks end users' tokens with; the configs name it, never hold a secret. */
    private static void endUsers(StringBuilder out, AuthSettings auth) {
        out.append("The proxy checks every end user's token on its own (issuer `").append(auth.issuer())
                .append("`, audience `").append(auth.audience()).append("`). ");
        if (auth.secretFile() != null) {
            out.append("Tokens are signed (HS256) with a secret shared with whoever issues them, which `")
                    .append(Planner.PROXY).append(".json` reads from `").append(auth.secretFile()).append("` (its ")
                    .append("`auth.secretFile`: change it to keep the secret elsewhere). Put the issuer's secret ")
                    .append("there, at least 32 bytes, readable only by the user the proxy runs as; a development ")
                    .append("secret a local launch made there is for trying the design on this machine only. ")
                    .append("A random one, for a test:\n\n```sh\n(umask 077 && openssl rand -base64 48 > ")
                    .append(auth.secretFile()).append(")\n```\n\n");
        } else if (auth.secretEnv() != null) {
            out.append("Tokens are signed (HS256) with a secret shared with whoever issues them, which the proxy ")
                    .append("reads from the environment variable `").append(auth.secretEnv()).append("` (at least ")
                    .append("32 bytes). Set it where the proxy starts; a random one, for a test:\n\n```sh\nexport ")
                    .append(auth.secretEnv()).append("=\"$(openssl rand -base64 48)\"\n```\n\n");
        } else {
            out.append("Tokens are signed by an identity provider with its private keys; the proxy checks them with ")
                    .append("the public keys in `").append(auth.jwksFile()).append("` (`").append(Planner.PROXY)
                    .append(".json`'s `auth.jwksFile`: change it to read them elsewhere).\n\n");
        }
    }
}
