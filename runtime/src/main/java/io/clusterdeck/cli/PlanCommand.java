package io.clusterdeck.cli;

import io.clusterdeck.json.StrictJson;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlanTable;
import io.clusterdeck.plan.Planner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck plan DESIGN}: the processes a design runs as, with their ports and configs. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the processes a design runs as: name, role, segment, port and URL.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "1:the design has problems", "2:usage error, such as a missing file"})
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DESIGN", description = "A design file (.json).")
    Path design;

    @Option(names = "--json", description = "Print the plan, with every service's config, as JSON.")
    boolean json;

    @Option(names = "--cores", paramLabel = "N", description = "CPU cores for segments with one worker per core (default: this machine's).")
    Integer cores;

    @Override
    public Integer call() {
        var parsed = DesignArgument.load(design);
        if (!DesignArgument.report(parsed, spec.commandLine().getErr())) {
            return Main.INVALID;
        }
        if (cores != null && cores < 1) {
            throw new UsageException("--cores must be at least 1, was " + cores);
        }
        var options = PlanOptions.local(DesignArgument.folderOf(design));
        var plan = Planner.plan(parsed.value().orElseThrow(), cores == null ? options : options.withCores(cores));
        var out = spec.commandLine().getOut();
        out.print(json ? StrictJson.write(plan) : PlanTable.render(plan));
        out.flush();
        return Main.OK;
    }
}
