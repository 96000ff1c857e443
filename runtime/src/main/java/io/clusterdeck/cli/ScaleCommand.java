package io.clusterdeck.cli;

import io.clusterdeck.launch.LaunchException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck scale SEGMENT WORKERS}: changes a segment's worker count in the running launch. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Change how many workers a segment of the running launch has. New workers join; removed ones finish their calls first.")
final class ScaleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SEGMENT")
    String segment;

    @Parameters(index = "1", paramLabel = "WORKERS")
    int workers;

    @Override
    public Integer call() {
        if (workers < 1 || workers > 256) {
            throw new UsageException("WORKERS must be between 1 and 256, was " + workers);
        }
        try {
            RunningLaunch.require().scale(segment, workers);
        } catch (LaunchException e) {
            spec.commandLine().getErr().println("clusterdeck: " + e.getMessage());
            return Main.INVALID;
        }
        spec.commandLine().getOut().println(segment + ": " + workers + " workers");
        return Main.OK;
    }
}
