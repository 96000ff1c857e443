package io.clusterdeck.cli;

import io.clusterdeck.launch.LaunchWarmUp;
import io.clusterdeck.launch.LauncherJvm;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clusterdeck} command line. Exit codes: 0 success, 1 the input has problems (all are listed),
 * 2 the command was used wrongly (one line says why).
 */
@Command(name = "clusterdeck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Design, launch, watch and export segmented clusters of runtime services.")
public final class Main {
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("launch") && !LauncherJvm.isLean()) {
            // A launch runs in a JVM made for it; here only when that JVM cannot start.
            var code = LauncherJvm.run(Main.class.getName(), args, !Arrays.asList(args).contains(LaunchCommand.NO_CDS));
            if (code.isPresent()) {
                System.exit(code.getAsInt());
            }
        }
        if (args.length > 0 && args[0].equals("launch")) {
            LaunchWarmUp.begin();
        }
        logThroughSlf4j();
        withoutPlatformMBeans();
        var plainLaunch = LaunchCommand.plain(args);
        if (plainLaunch.isPresent()) {
            var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            exitWith(() -> plainLaunch.get().run(out, err), out, err);
        }
        var commandLine = commandLine(args);
        exitWith(() -> commandLine.execute(args), commandLine.getOut(), commandLine.getErr());
    }

    /** Runs a command and exits with its code, however it ends. */
    private static void exitWith(IntSupplier command, PrintWriter out, PrintWriter err) {
        int code = INVALID;
        try {
            code = command.getAsInt();
        } catch (UsageException e) {
            err.println("clusterdeck: " + e.getMessage());
            code = USAGE;
        } catch (Throwable e) {
            // Whatever went wrong, the process ends: a launcher that lingered would keep its cluster alive.
            err.println("clusterdeck: unexpected failure: " + e);
            e.printStackTrace(err);
        } finally {
            // print() does not flush; what a command printed must not be lost on exit.
            out.flush();
            err.flush();
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

    /** Every subcommand, in the order help lists them. */
    private static Map<String, Supplier<Object>> subcommands() {
        var all = new LinkedHashMap<String, Supplier<Object>>();
        all.put("validate", ValidateCommand::new);
        all.put("plan", PlanCommand::new);
        all.put("advise", AdviseCommand::new);
        all.put("launch", LaunchCommand::new);
        all.put("status", StatusCommand::new);
        all.put("fault", FaultCommand::new);
        all.put("scale", ScaleCommand::new);
        all.put("logs", LogsCommand::new);
        all.put("load", LoadCommand::new);
        all.put("profile", ProfileCommand::new);
        all.put("compare", CompareCommand::new);
        all.put("export", ExportCommand::new);
        all.put("token", TokenCommand::new);
        all.put("run", RunCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return all;
    }

    /**
     * The command line has no use for the platform MBean server, which the I/O library would otherwise build at its
     * start (a fifth of a second of every launch).
     */
    static void withoutPlatformMBeans() {
        if (System.getProperty("javax.management.builder.initial") == null) {
            System.setProperty("javax.management.builder.initial", io.clusterdeck.launch.NoPlatformMBeans.class.getName());
        }
    }

    /** The configured command line with every subcommand, for embedding and tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when they name a subcommand, only that one is modelled (picocli reads
     * each command's annotations when it is added, which the others would cost every start for nothing).
     */
    static CommandLine commandLine(String[] arguments) {
        var commandLine = new CommandLine(new Main());
        var all = subcommands();
        var named = arguments.length > 0 && !arguments[0].equals("help") ? all.get(arguments[0]) : null;
        if (named != null) {
            commandLine.addSubcommand(arguments[0], named.get());
        } else {
            all.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
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
