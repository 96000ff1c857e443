package io.clusterdeck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clusterdeck} command line. Exit codes: 0 success, 1 the input has problems (all are listed),
 * 2 the command was used wrongly (one line says why).
 */
@Command(name = "clusterdeck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Design, launch, watch and export segmented clusters of runtime services.",
        subcommands = {ValidateCommand.class, PlanCommand.class, LaunchCommand.class, StatusCommand.class,
                FaultCommand.class, ScaleCommand.class, LogsCommand.class, LoadCommand.class, ExportCommand.class,
                TokenCommand.class,
                RunCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        logThroughSlf4j();
        var commandLine = commandLine();
        int code = INVALID;
        try {
            code = commandLine.execute(args);
        } catch (Throwable e) {
            // Whatever went wrong, the process ends: a launcher that lingered would keep its cluster alive.
            commandLine.getErr().println("clusterdeck: unexpected failure: " + e);
            e.printStackTrace(commandLine.getErr());
        } finally {
            // print() does not flush; what a command printed must not be lost on exit.
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            System.exit(code);
        }
    }

    /**
     * Sends what the HTTP libraries log (through JBoss Logging) to the product's own log lines: without this they
     * would fall back to java.util.logging, in another format.
     */
    static void logThroughSlf4j() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    /** The configured command line, for embedding and tests. */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((e, args) -> {
            var err = e.getCommandLine().getErr();
            err.println("clusterdeck: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof UsageException usage) {
                cmd.getErr().println("clusterdeck: " + usage.getMessage());
                return USAGE;
            }
            throw e;
        });
        return commandLine;
    }
}
