package io.clusterdeck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clusterdeck run ROLE --config FILE [--port N]}: runs one service of a plan until SIGTERM or SIGINT, then
 * stops it gracefully and exits 0. When it listens (a worker: and is registered) it prints one line to stdout:
 * {@code clusterdeck ready: name=<name> url=http://127.0.0.1:<port> pid=<pid>}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one service: repository, gateway, worker, proxy or standalone.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after a graceful stop", "1:the config has problems or the service failed",
                "2:usage error, such as a missing file or no cluster key"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ROLE", description = "repository, gateway, worker, proxy or standalone")
    String role;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The service's config file (from the plan).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Listen on this port instead of the config's; 0 picks a free one.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        return ServiceRunner.run(ServiceRunner.roleOf(role), config, port, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

}
