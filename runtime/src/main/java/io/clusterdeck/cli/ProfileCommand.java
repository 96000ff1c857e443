package io.clusterdeck.cli;

import io.clusterdeck.lab.ProfileFiles;
import io.clusterdeck.lab.ProfileTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clusterdeck profile}: records what the running launch's functions do for a while. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Record a profile of the running launch, for `clusterdeck advise`.",
                "Per function its calls a second, CPU per call, latency percentiles and errors, and which functions"
                        + " called which, in-process or through the gateway, with what the hop cost. Drive traffic"
                        + " meanwhile (the app's traffic or `clusterdeck load`); `clusterdeck advise` reads the file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the profile was written", "1:the launch could not be profiled", "2:usage error"})
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--seconds"}, paramLabel = "SECONDS", defaultValue = "20",
            description = "How long to record (default ${DEFAULT-VALUE} s).")
    double seconds;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "profile.json",
            description = "Where to write the profile (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!(seconds >= 1 && seconds <= 3600)) {
            throw new UsageException("--seconds must be between 1 and 3600, was " + seconds);
        }
        var launch = RunningLaunch.require();
        var recording = RunningLaunch.recordProfile(launch);
        var stdout = spec.commandLine().getOut();
        stdout.printf("Recording for %.0f s...%n", seconds);
        stdout.flush();
        Thread.sleep((long) (seconds * 1000));
        var profile = recording.stop();
        ProfileFiles.write(profile, out);
        stdout.print(ProfileTable.render(profile));
        stdout.println("Written to " + out);
        return Main.OK;
    }
}
