package io.clusterdeck.cli;

import io.clusterdeck.launch.ControlClient;
import io.clusterdeck.launch.LaunchException;
import io.clusterdeck.launch.LaunchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck logs PROCESS}: a process's output, from the running launch or the latest run folder. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Show the last lines a process printed: from the running launch, or else from the latest run's log files.")
final class LogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROCESS", description = "A process name, such as gateway or worker-orders-1.")
    String process;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "100", description = "How many lines (default ${DEFAULT-VALUE}).")
    int lines;

    @Override
    public Integer call() throws IOException {
        if (lines < 0) {
            throw new UsageException("-n must not be negative, was " + lines);
        }
        var out = spec.commandLine().getOut();
        var running = ControlClient.find(LaunchOptions.defaultHome());
        if (running.isPresent()) {
            try {
                out.print(running.get().logs(process, lines));
                return Main.OK;
            } catch (LaunchException e) {
                spec.commandLine().getErr().println("clusterdeck: " + e.getMessage());
                return Main.INVALID;
            }
        }
        var file = latestRun().map(run -> run.resolve("logs").resolve(process + ".log"))
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new UsageException("no log of '" + process + "': no launch is running and the latest run has none"));
        List<String> all = Files.readAllLines(file);
        all.subList(Math.max(0, all.size() - lines), all.size()).forEach(out::println);
        return Main.OK;
    }

    private static Optional<Path> latestRun() throws IOException {
        var runs = LaunchOptions.defaultHome().resolve("runs");
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.filter(Files::isDirectory)
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }
}
