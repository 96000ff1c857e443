package io.clusterdeck.cli;

import io.clusterdeck.launch.Fault;
import io.clusterdeck.launch.LaunchException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clusterdeck fault ACTION PROCESS}: breaks a process of the running launch on purpose. */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = {"Break a process of the running launch on purpose, to watch the cluster fail over.",
                "ACTION: kill (SIGKILL), stop (SIGTERM), pause (SIGSTOP), resume (SIGCONT), unhealthy, healthy"
                        + " (the worker's health flag), latency (adds --ms to every call; 0 removes it), restart."})
final class FaultCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Actions.class)
    String action;

    @Parameters(index = "1", paramLabel = "PROCESS", description = "A process name, such as worker-images-2.")
    String process;

    @Option(names = "--ms", paramLabel = "MS", description = "With latency: milliseconds added to every call.")
    int ms;

    @Override
    public Integer call() {
        Fault fault;
        try {
            fault = Fault.of(action);
        } catch (LaunchException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            RunningLaunch.require().fault(fault, process, ms);
        } catch (LaunchException e) {
            spec.commandLine().getErr().println("clusterdeck: " + e.getMessage());
            return Main.INVALID;
        }
        spec.commandLine().getOut().println(fault.word() + " " + process + ": done");
        return Main.OK;
    }

    static final class Actions extends java.util.ArrayList<String> {
        Actions() {
            super(Fault.words());
        }
    }
}
