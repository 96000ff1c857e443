package io.clusterdeck.cli;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck validate DESIGN...}: checks design files and lists every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check design files. Lists every problem as file:line:col: path: message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every design is valid", "1:a design has problems", "2:usage error, such as a missing file"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DESIGN", description = "Design files (.json).")
    List<Path> designs;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean allValid = true;
        for (var file : designs) {
            var parsed = DesignArgument.load(file);
            if (DesignArgument.report(parsed, err)) {
                var design = parsed.value().orElseThrow();
                var plan = Planner.plan(design, PlanOptions.local(DesignFiles.folderOf(file)));
                out.printf("%s: valid: %s in %s, %s%n", file, count(design.functions().size(), "function"),
                        count(design.segments().size(), "segment"), count(plan.processes().size(), "process"));
            } else {
                allValid = false;
                out.printf("%s: %d problem%s%n", file, parsed.problems().size(), parsed.problems().size() == 1 ? "" : "s");
            }
        }
        out.flush();
        return allValid ? Main.OK : Main.INVALID;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("s") ? "es" : "s");
    }
}
