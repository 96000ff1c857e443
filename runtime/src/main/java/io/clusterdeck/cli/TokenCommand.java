package io.clusterdeck.cli;

import io.clusterdeck.service.Clock;
import io.clusterdeck.service.ClusterTokens;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clusterdeck token --member}: prints a member token of the running launch, signed with its cluster key, so
 * that a tool such as curl, or a balancer put in front of the workers, can call what only members may call.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a token for calling the running launch.",
                "--member: a member token signed with the launch's cluster key (for curl, or a balancer in front of",
                "the workers); use it as 'Authorization: Bearer <token>'."})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--member", required = true, description = "A member token of the running launch.")
    boolean member;

    @Option(names = "--function", paramLabel = "NAME",
            description = "Call on behalf of this function, as functions calling private functions do.")
    String function;

    @Option(names = "--lifetime", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long the token is valid, 1 to 3600 seconds (default: ${DEFAULT-VALUE}).")
    long lifetimeSeconds;

    @Override
    public Integer call() {
        if (lifetimeSeconds < 1 || lifetimeSeconds > ClusterTokens.MAX_LIFETIME_SECONDS) {
            throw new UsageException("--lifetime must be between 1 and " + ClusterTokens.MAX_LIFETIME_SECONDS
                    + " seconds, was " + lifetimeSeconds);
        }
        var key = RunningLaunch.require().clusterKey();
        var token = new ClusterTokens("cli", key, Clock.SYSTEM).mint(function, Duration.ofSeconds(lifetimeSeconds));
        spec.commandLine().getOut().println(token);
        return Main.OK;
    }
}
