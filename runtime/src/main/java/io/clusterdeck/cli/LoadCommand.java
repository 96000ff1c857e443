package io.clusterdeck.cli;

import io.clusterdeck.design.Access;
import io.clusterdeck.lab.ProfileFiles;
import io.clusterdeck.lab.ProfileTable;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadSecond;
import io.clusterdeck.load.LoadSpec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck load URL}: an open-model load generator. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Call functions at a constant arrival rate and report throughput, errors and latency.",
                "Errors by status and latency percentiles, once a second and as a summary. Latency counts from when a"
                        + " call was due, so a slow server cannot hide it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run finished (even with failed calls)", "1:the design has problems",
                "2:usage error"})
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "Where to call: the proxy or gateway, e.g. http://127.0.0.1:7400")
    URI url;

    @Option(names = {"-f", "--function"}, paramLabel = "NAME[=JSON]",
            description = "A function to call, optionally with its JSON arguments; repeat for several.")
    List<String> functions = new ArrayList<>();

    @Option(names = {"-d", "--design"}, paramLabel = "DESIGN", description = "Call every public function of this design.")
    Path design;

    @Option(names = {"-r", "--rate"}, paramLabel = "PER_SECOND", defaultValue = "50", description = "Calls a second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = {"-t", "--duration"}, paramLabel = "SECONDS", defaultValue = "10", description = "How long (default ${DEFAULT-VALUE} s).")
    double seconds;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "10000", description = "Per-call timeout (default ${DEFAULT-VALUE} ms).")
    int timeoutMs;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Record a profile of the running launch during the run and write it here.")
    Path profile;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "1000", description = "Calls in flight at most; more are counted as dropped.")
    int maxInFlight;

    @Override
    public Integer call() throws java.io.IOException {
        var targets = new ArrayList<LoadSpec.Target>();
        for (var function : functions) {
            int eq = function.indexOf('=');
            targets.add(eq < 0 ? new LoadSpec.Target(function, null)
                    : new LoadSpec.Target(function.substring(0, eq), function.substring(eq + 1)));
        }
        if (design != null) {
            var parsed = DesignArgument.load(design);
            if (!DesignArgument.report(parsed, spec.commandLine().getErr())) {
                return Main.INVALID;
            }
            parsed.value().orElseThrow().functions().stream().filter(f -> f.access() == Access.PUBLIC)
                    .forEach(f -> targets.add(new LoadSpec.Target(f.name(), null)));
        }
        if (targets.isEmpty()) {
            throw new UsageException("name the functions to call with --function NAME or --design DESIGN");
        }
        if (!"http".equals(url.getScheme())) {
            throw new UsageException("URL must be an http URL, was " + url);
        }
        LoadSpec loadSpec;
        try {
            loadSpec = new LoadSpec(url, targets, rate, Duration.ofMillis((long) (seconds * 1000)), maxInFlight,
                    Duration.ofMillis(timeoutMs));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        // A profile needs the running launch: without one, say so before any call is made.
        var recording = profile == null ? null : RunningLaunch.recordProfile(RunningLaunch.require());
        var out = spec.commandLine().getOut();
        out.printf("Calling %s at %.1f/s for %.1f s: %s%n", url, rate, seconds,
                String.join(", ", targets.stream().map(LoadSpec.Target::function).distinct().toList()));
        out.flush();
        var report = new LoadGenerator(loadSpec).run(second -> {
            out.println(line(second));
            out.flush();
        });
        out.print(report.render());
        if (recording != null) {
            var recorded = recording.stop();
            ProfileFiles.write(recorded, profile);
            out.print(ProfileTable.render(recorded));
            out.println("Profile written to " + profile);
        }
        out.flush();
        return Main.OK;
    }

    private static String line(LoadSecond s) {
        return String.format("%4d s  %6d sent  %6d ok  %5d failed  p50 %7.2f ms  p99 %7.2f ms%s", s.second(), s.sent(),
                s.ok(), s.failed(), s.p50Ms(), s.p99Ms(), s.errors().isEmpty() ? "" : "  " + new TreeMap<>(s.errors()));
    }
}
