package io.clusterdeck.launch;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.time.Threads;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * Work a launch does only after it has read its command line and its design, done beforehand on a core that would
 * otherwise wait. Until the first process is spawned a launch runs on one thread, and on a laptop's two cores the
 * other one idles; after that, ten starting JVMs want both. So a thread started with the launch plans a two-segment
 * design of its own and writes every role's config to a string (the first config of each role reads its record
 * types' components and annotations once; when a mapper wrote them, Jackson built each type's serializer, 30-60 ms),
 * and opens and closes an I/O engine like the one the launch opens to follow its cluster (XNIO's set-up, 150-250 ms
 * among ten starting JVMs). Nothing it makes is kept or written anywhere; when it fails, the launch only does the same
 * work itself later. Measured on webshop with the mapper, 4 launches each way interleaved: spawning every process took
 * 360-450 ms instead of 465-560, and opening the launch's client 35-60 ms instead of 150-250.
 */
public final class LaunchWarmUp {
    private LaunchWarmUp() {
    }

    /** Starts the warm-up on a daemon thread of its own, at a lower priority than the launch's main thread. */
    public static Thread begin() {
        var thread = Threads.daemon("launch-warm-up").newThread(LaunchWarmUp::run);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /**
     * Draws from a {@code SecureRandom}, plans {@link #design()}, writes each config to a string and opens and closes
     * an I/O engine, here and now.
     */
    public static void run() {
        try {
            // First, as the launch needs it first: the run folder's cluster key comes from a SecureRandom, whose
            // first use sets up the security providers.
            new SecureRandom().nextBytes(new byte[1]);
            for (var process : Planner.plan(design(), PlanOptions.local(Path.of("."))).processes()) {
                ServiceConfigs.toJson(process.config());
            }
            try (var engine = IoEngine.create("warm-up", 1, 1)) {
                engine.client();
            }
        } catch (RuntimeException e) {
            // Only the warm-up is lost: the launch plans and writes its own configs as always.
        }
    }

    /**
     * Every role: a repository, a gateway, a worker per segment, and a proxy; a public function that calls a private
     * one across segments, with a little simulated CPU and latency. The class-data archive's training run launches it
     * too.
     */
    public static Design design() {
        var front = new Function("train/front", null, Access.PUBLIC, true, List.of("train/back"),
                new Simulation(0.01, Latency.fixed(0.1), 0.0, 128), null);
        var back = new Function("train/back", null, Access.PRIVATE, true, List.of(), new Simulation(0.0, null, 0.0, 64), null);
        return Design.named("training").withFunctions(List.of(front, back)).withSegments(List.of(
                Segment.named("front").withFunctions(List.of("train/front")),
                Segment.named("back").withFunctions(List.of("train/back"))));
    }
}
