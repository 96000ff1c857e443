package io.clusterdeck.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.launch.ProcessStatus;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clusterdeck status}: the processes of the running launch. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the processes of the running launch.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var client = RunningLaunch.require();
        List<ProcessStatus> processes = StrictJson.mapper().readValue(client.processes(), new TypeReference<>() { });
        spec.commandLine().getOut().print(LaunchCommand.table(processes));
        spec.commandLine().getOut().println("Run folder: " + client.runFolder());
        return Main.OK;
    }
}
