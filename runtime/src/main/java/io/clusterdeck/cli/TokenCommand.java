package io.clusterdeck.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clusterdeck.design.AuthSettings;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.launch.DevelopmentSecret;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.service.proxy.SharedSecret;
import io.clusterdeck.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clusterdeck token}: prints a token to call a cluster with. {@code --design D --subject S --roles R} mints an
 * end user's development token, signed with the design's HS256 secret, that its proxy accepts; {@code --member}
 * a member token of the running launch, signed with its cluster key, for curl or a balancer in front of workers.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {"Print a token for calling a cluster; use it as 'Authorization: Bearer <token>'.",
                "--design D --subject S [--roles R,...]: an end user's development token for a design whose 'auth'"
                        + " uses a shared secret (HS256); the design's proxy accepts it.",
                "--member: a member token of the running launch, signed with its cluster key (for curl, or a"
                        + " balancer in front of the workers)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the token is printed", "1:the design has problems", "2:usage error, such as a design without auth"})
final class TokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    static final class Kind {
        @Option(names = "--member", required = true, description = "A member token of the running launch.")
        boolean member;

        @Option(names = "--design", required = true, paramLabel = "DESIGN", description = "An end user's token for this design.")
        Path design;
    }

    @Option(names = "--subject", paramLabel = "NAME", description = "With --design: who the user is (the token's sub).")
    String subject;

    @Option(names = "--roles", paramLabel = "ROLE", split = ",", description = "With --design: the user's roles.")
    List<String> roles = List.of();

    @Option(names = "--function", paramLabel = "NAME",
            description = "With --member: call on behalf of this function, as functions calling private functions do.")
    String function;

    @Option(names = "--lifetime", paramLabel = "SECONDS",
            description = "How long the token is valid: 1 to 3600 seconds (default: 60 for --member, 3600 for --design).")
    Long lifetimeSeconds;

    @Override
    public Integer call() {
        long lifetime = lifetimeSeconds != null ? lifetimeSeconds : kind.member ? 60 : 3_600;
        if (lifetime < 1 || lifetime > ClusterTokens.MAX_LIFETIME_SECONDS) {
            throw new UsageException("--lifetime must be between 1 and " + ClusterTokens.MAX_LIFETIME_SECONDS
                    + " seconds, was " + lifetime);
        }
        if (kind.member) {
            var key = RunningLaunch.require().clusterKey();
            var token = new ClusterTokens("cli", key, Clock.SYSTEM).mint(function, Duration.ofSeconds(lifetime));
            spec.commandLine().getOut().println(token);
            return Main.OK;
        }
        if (subject == null || subject.isBlank()) {
            throw new UsageException("--design needs --subject: who the token is for");
        }
        var parsed = DesignArgument.load(kind.design);
        if (!DesignArgument.report(parsed, spec.commandLine().getErr())) {
            return Main.INVALID;
        }
        var auth = parsed.value().orElseThrow().auth();
        if (auth == null) {
            throw new UsageException(kind.design + " has no 'auth' section: its callers need no token");
        }
        if (!auth.sharedSecret()) {
            throw new UsageException(kind.design + " checks tokens with public keys (jwksFile): tokens come from the"
                    + " identity provider that holds the private key");
        }
        spec.commandLine().getOut().println(endUserToken(auth, secret(auth), Duration.ofSeconds(lifetime)));
        return Main.OK;
    }

    private String endUserToken(AuthSettings auth, byte[] secret, Duration lifetime) {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer(auth.issuer()).audience(auth.audience()).subject(subject)
                .claim(auth.rolesClaim(), roles).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new UsageException("cannot sign with the design's secret: " + e.getMessage());
        }
        return jwt.serialize();
    }

    /** The design's secret: from its environment variable, or its file (made for local use when missing). */
    private byte[] secret(AuthSettings auth) {
        try {
            if (auth.secretEnv() != null) {
                return SharedSecret.fromEnvironment(auth.secretEnv(), System.getenv());
            }
            var file = DesignFiles.folderOf(kind.design).resolve(auth.secretFile()).normalize();
            DevelopmentSecret.ensure(file);
            return SharedSecret.fromFile(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
