package io.clusterdeck.cli;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.DocumentException;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.lab.AdviceOptions;
import io.clusterdeck.lab.AdviceReport;
import io.clusterdeck.lab.Advisor;
import io.clusterdeck.lab.Profile;
import io.clusterdeck.lab.ProfileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clusterdeck advise DESIGN --profile FILE}: segmentation advice from a profile of a run of the design, and with
 * {@code --out} the design with all of it applied.
 */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Suggest changes to a design's segmentation from a profile of a run: split, merge, size,"
                + " availability, non-idempotent calls across the gateway; each with its evidence and expected effect."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:advised", "1:the design has problems",
                "2:usage error, such as a missing file or a file that is not a profile"})
final class AdviseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DESIGN", description = "A design file (.json).")
    Path design;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The profile of a run of the design.")
    Path profile;

    @Option(names = "--out", paramLabel = "NEW.json", description = "Write the design with every suggestion applied.")
    Path out;

    @Option(names = "--target-utilisation", paramLabel = "SHARE",
            description = "The share of each worker's CPU the measured load may use (default: 0.6).")
    double targetUtilisation = AdviceOptions.DEFAULT_TARGET_UTILISATION;

    @Option(names = "--cores", paramLabel = "N", description = "CPU cores per worker in production (default: 1).")
    int cores = 1;

    @Option(names = "--json", description = "Print the advice as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
            throw new UsageException("--target-utilisation must be above 0 and at most 1, was " + targetUtilisation);
        }
        if (cores < 1) {
            throw new UsageException("--cores must be at least 1, was " + cores);
        }
        var parsed = DesignArgument.load(design);
        var err = spec.commandLine().getErr();
        if (!DesignArgument.report(parsed, err)) {
            return Main.INVALID;
        }
        var valid = parsed.value().orElseThrow();
        var measured = readProfile();
        if (!measured.design().equals(valid.name())) {
            err.println("clusterdeck: warning: " + profile + " is a profile of design '" + measured.design() + "', not '"
                    + valid.name() + "'; advice for functions it does not measure rests on nothing");
            err.flush();
        }
        var options = new AdviceOptions(targetUtilisation, cores);
        var advice = Advisor.advise(valid, measured, options);
        var report = new AdviceReport(valid.name(), measured.seconds(), options, advice);
        var output = spec.commandLine().getOut();
        output.print(json ? StrictJson.write(report) : report.render());
        if (out != null) {
            var advised = Advisor.apply(valid, advice);
            DesignFiles.parse(DesignFiles.toJson(advised), out.toString()).orThrow();
            DesignFiles.save(advised, out);
            if (!json) {
                long edits = advice.stream().filter(a -> a.changesDesign()).count();
                output.println();
                output.println("Wrote the advised design to " + out + " (" + edits + (edits == 1 ? " edit" : " edits")
                        + " applied).");
            }
        }
        output.flush();
        return Main.OK;
    }

    /** The profile, or a usage error of one line naming the file, line and field of the first problem. */
    private Profile readProfile() throws IOException {
        if (!Files.exists(profile)) {
            throw new UsageException(profile + ": no such file");
        }
        if (Files.isDirectory(profile)) {
            throw new UsageException(profile + ": is a folder, not a profile");
        }
        try {
            return ProfileFiles.read(profile);
        } catch (DocumentException e) {
            int more = e.problems().size() - 1;
            throw new UsageException(e.problems().get(0) + (more == 0 ? ""
                    : " (and " + more + " more problem" + (more == 1 ? ")" : "s)")));
        }
    }
}
