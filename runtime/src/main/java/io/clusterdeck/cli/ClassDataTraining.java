package io.clusterdeck.cli;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.launch.ClassDataArchive;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.launch.LaunchWarmUp;
import io.clusterdeck.launch.LocalCluster;
import io.clusterdeck.launch.ParentGuard;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.protocol.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A short training launch of every service role, from which the launcher makes the class-data archive: a repository,
 * a gateway, two workers whose functions call across segments, and a proxy, launched as real processes that each
 * write the classes they load, called through their every kind of endpoint, and stopped. Each role's archive is then
 * made from what one of its processes loaded; the launcher's from what this JVM loaded, as it launched and called a
 * cluster as the launcher does. The launcher runs it once, after a launch is up, when no archive matches its Java and
 * class path; every later process then starts from its role's archive.
 */
public final class ClassDataTraining {
    private static final byte[] JSON = OutboundRequest.headers("Content-Type", "application/json");
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(2);

    private ClassDataTraining() {
    }

    /**
     * {@code FOLDER}: where each role's archive is written ({@link ClassDataArchive#made}); the training's own files
     * go in a folder inside it, which goes with it (the launcher removes the folder once it has the archive).
     */
    public static void main(String[] args) throws Exception {
        ParentGuard.installIfLaunched(() -> System.exit(1));
        if (args.length != 1) {
            throw new UsageException("expected the folder the archives go to, got " + args.length + " arguments");
        }
        var into = Path.of(args[0]);
        var lists = Files.createDirectories(into.resolve("training").resolve("classes"));
        var plan = train(lists);
        for (var role : ClassDataArchive.trainedRoles()) {
            var first = plan.processes().stream().filter(process -> process.role() == role).findFirst().orElseThrow();
            ClassDataArchive.dump(ClassDataArchive.classList(lists, first.name()), ClassDataArchive.made(into, role.json()),
                    DUMP_TIMEOUT);
        }
        launchCommandLine();
        System.exit(0);
    }

    /**
     * Launches the training design with every process writing its class list to {@code lists}, calls it, and stops
     * it; its plan.
     */
    private static Plan train(Path lists) throws Exception {
        var design = LaunchWarmUp.design();
        var work = lists.getParent();
        var file = work.resolve("training.json");
        DesignFiles.writeAtomically(file, DesignFiles.toJson(design));
        var options = LaunchOptions.defaults().withHome(work.resolve("home")).withAppCds(false).withControl(false)
                .withClassLists(lists);
        try (var cluster = LocalCluster.start(design, file, options)) {
            var plan = cluster.plan();
            call(plan.entryUrl(), plan.gateways().get(0).url());
            return plan;
        }
    }

    /**
     * What a launch loads before it starts anything: the command read as {@code clusterdeck launch} reads it, so
     * that the launcher's own JVM ({@link io.clusterdeck.launch.LauncherJvm}) starts from the archive too.
     */
    private static void launchCommandLine() {
        LaunchCommand.plain(new String[] {"launch", "training.json", LaunchCommand.NO_CDS}).orElseThrow();
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
