package io.clusterdeck.lab;

import io.clusterdeck.design.Design;
import java.util.List;
import java.util.function.Supplier;

/** A profile being recorded: the workers' totals at the start, subtracted from theirs at the end. */
public final class ProfileRecording {
    private final Design design;
    private final Supplier<List<WorkerSample>> samples;
    private final List<WorkerSample> before;
    private final long startedNanos;

    private ProfileRecording(Design design, Supplier<List<WorkerSample>> samples) {
        this.design = design;
        this.samples = samples;
        this.startedNanos = System.nanoTime();
        this.before = samples.get();
    }

    /**
     * Starts recording a running design.
     *
     * @param samples the running totals of every worker now, such as the launcher's
     */
    public static ProfileRecording start(Design design, Supplier<List<WorkerSample>> samples) {
        return new ProfileRecording(design, samples);
    }

    /** The profile from the start until now. */
    public Profile stop() {
        var after = samples.get();
        double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        return ProfileWindow.between(design, before, after, seconds);
    }
}
