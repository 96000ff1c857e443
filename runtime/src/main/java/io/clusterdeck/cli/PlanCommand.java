package io.clusterdeck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.lab.HopCost;
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

/**
 * {@code clusterdeck plan DESIGN}: the processes a design runs as, with their ports and configs, and the gateway hops
 * one call of each public function makes ({@link HopCost}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show the processes a design runs as: name, role, segment, port and URL.",
                "Then the gateway hops one call of each public function makes, and the latency they add."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "1:the design has problems", "2:usage error, such as a missing file"})
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DESIGN", description = "A design file (.json).")
    Path design;

    @Option(names = "--json", description = "Print the plan, with every service's config and the hops, as JSON.")
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
        var options = PlanOptions.local(DesignFiles.folderOf(design));
        var valid = parsed.value().orElseThrow();
        var plan = Planner.plan(valid, cores == null ? options : options.withCores(cores));
        var hops = HopCost.of(valid);
        var out = spec.commandLine().getOut();
        if (json) {
            ObjectNode tree = StrictJson.mapper().valueToTree(plan);
            tree.set("hops", StrictJson.mapper().valueToTree(hops));
            out.print(StrictJson.write(tree));
        } else {
            out.print(PlanTable.render(plan) + "\n" + hops.render());
        }
        out.flush();
        return Main.OK;
    }
}
