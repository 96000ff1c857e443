package io.clusterdeck.cli;

import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.Service;
import io.clusterdeck.launch.FreePorts;
import io.clusterdeck.launch.LaunchWarmUp;
import io.clusterdeck.launch.ParentGuard;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.protocol.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A short run of every service role in one JVM, so that the class-data archive the launcher makes from it holds
 * what each role loads: a repository, a gateway, two workers whose functions call across segments, and a proxy,
 * each of them started from a config file, called through its every kind of endpoint, and stopped. The launcher
 * runs it once, after a launch is up, when no archive matches its Java and class path; every later process then
 * starts from the archive.
 */
public final class ClassDataTraining {
    private static final byte[] JSON = OutboundRequest.headers("Content-Type", "application/json");

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        ParentGuard.installIfLaunched(() -> System.exit(1));
        var folder = Files.createTempDirectory("clusterdeck-training");
        try {
            train(folder);
            launchCommandLine();
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void train(Path folder) throws Exception {
        var key = folder.resolve("cluster.key");
        Files.writeString(key, "training-" + System.nanoTime());
        var design = LaunchWarmUp.design();
        var ports = new HashMap<String, Integer>();
        for (var process : Planner.plan(design, PlanOptions.local(folder)).processes()) {
            ports.put(process.name(), FreePorts.onLoopback());
        }
        var local = PlanOptions.local(folder);
        var plan = Planner.plan(design, new PlanOptions(local.baseDir(), local.cores(), local.host(), ports, key.toString()));
        var services = new ArrayList<Service>();
        try {
            for (var process : plan.processes()) {
                var file = folder.resolve(process.name() + ".json");
                Files.writeString(file, ServiceConfigs.toJson(process.config()));
                var config = ServiceConfigs.load(file, process.role()).value().orElseThrow();
                services.add(ServiceRunner.create(config, Map.of()).start());
            }
            call(plan.entryUrl(), plan.gateways().get(0).url());
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).stop();
            }
        }
    }

    /**
     * What a launch loads before it starts anything: the command line read as {@code clusterdeck launch} reads it, so
     * that the launcher's own JVM ({@link io.clusterdeck.launch.LauncherJvm}) starts from the archive too.
     */
    private static void launchCommandLine() {
        Main.commandLine().parseArgs("launch", "training.json", "--no-cds");
    }

    /** Calls through the proxy and the gateway, well and badly, and reads every kind of answer. */
    private static void call(String proxy, String gateway) {
        try (var engine = IoEngine.create("training", 1, 1)) {
            var client = engine.client();
            var rpc = new OutboundRequest(OutboundRequest.requestLine("POST", Paths.rpc("train/front")), JSON, null,
                    "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
            var bad = new OutboundRequest(OutboundRequest.requestLine("POST", Paths.rpc("train/front")), JSON, null,
                    "{\"n\":".getBytes(StandardCharsets.UTF_8));
            var timeout = Duration.ofSeconds(10);
            for (int i = 0; i < 200; i++) {
                client.call(proxy, rpc, timeout, 1 << 20).join();
                client.call(gateway, rpc.withRequestId("training-" + i), timeout, 1 << 20).join();
            }
            client.call(proxy, bad, timeout, 1 << 20).join();
            for (var path : List.of(Paths.HEALTH, Paths.METRICS, Paths.CLUSTER, "/nothing", Paths.rpc("nothing"))) {
                client.get(gateway, path, new byte[0], timeout, 1 << 20).join();
                client.get(proxy, path, new byte[0], timeout, 1 << 20).join();
            }
        }
    }
}
