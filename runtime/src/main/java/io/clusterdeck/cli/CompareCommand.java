package io.clusterdeck.cli;

import io.clusterdeck.compare.ComparisonReport;
import io.clusterdeck.compare.Experiment;
import io.clusterdeck.compare.ExperimentSpec;
import io.clusterdeck.design.Design;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.load.LoadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck compare A B}: two designs under the same load, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run two designs in turn on this machine under the same load and show which does better.",
                "The same public functions in the same seeded order at the same rate; each design warmed up, measured,"
                        + " and run again A B A B. Then side by side: calls answered, errors, latency overall and per"
                        + " function, gateway hops per call, the cluster's CPU per call and its memory, and which design"
                        + " is better on each."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared", "1:a design has problems or could not be run", "2:usage error"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first design file.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second design file.")
    Path b;

    @Option(names = {"-r", "--rate"}, paramLabel = "PER_SECOND", defaultValue = "50", description = "Calls a second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = {"-t", "--seconds"}, paramLabel = "SECONDS", defaultValue = "10", description = "Measured seconds per run (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3", description = "Unmeasured seconds of the same load first (default ${DEFAULT-VALUE}).")
    double warmUp;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "2", description = "Runs of each design, in turn (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--mix", paramLabel = "FUNCTION=WEIGHT", split = ",",
            description = "The functions to call and their shares, e.g. catalog/search=3,images/thumbnail=1 (default: every public function of A alike).")
    List<String> mix = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the order of weighted calls (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the comparison as JSON.")
    Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the comparison as a markdown report.")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        var first = load(a);
        var second = load(b);
        if (first == null || second == null) {
            return Main.INVALID;
        }
        ExperimentSpec experimentSpec;
        try {
            experimentSpec = new ExperimentSpec(rate, Duration.ofMillis((long) (seconds * 1000)),
                    Duration.ofMillis((long) (warmUp * 1000)), repeats, targets(), seed);
            Experiment.mix(experimentSpec, first, second);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        var out = spec.commandLine().getOut();
        var experiment = new Experiment(experimentSpec, LaunchOptions.defaults(), step -> {
            out.println(step.message());
            out.flush();
        });
        var comparison = experiment.run(new Experiment.Candidate(first, a), new Experiment.Candidate(second, b));
        out.print(ComparisonReport.table(comparison));
        if (json != null) {
            Files.writeString(json, StrictJson.write(comparison));
            out.println("Written to " + json);
        }
        if (markdown != null) {
            Files.writeString(markdown, ComparisonReport.markdown(comparison));
            out.println("Report written to " + markdown);
        }
        out.flush();
        return Main.OK;
    }

    private Design load(Path file) {
        var parsed = DesignArgument.load(file);
        return DesignArgument.report(parsed, spec.commandLine().getErr()) ? parsed.value().orElseThrow() : null;
    }

    private List<LoadSpec.Target> targets() {
        var targets = new ArrayList<LoadSpec.Target>();
        for (var entry : mix) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                targets.add(new LoadSpec.Target(entry.trim(), null));
                continue;
            }
            double weight;
            try {
                weight = Double.parseDouble(entry.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("--mix " + entry + ": the weight after '=' must be a number");
            }
            targets.add(new LoadSpec.Target(entry.substring(0, eq).trim(), null, weight));
        }
        return targets;
    }
}
