package io.clusterdeck.launch;

import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.ProxyConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shared secret of a design whose end users sign in with HS256 tokens, for running it on this machine: when the
 * design's secret file is missing, a local launch makes one with 256 random bits, readable by its owner only, so
 * that {@code clusterdeck token} can mint tokens the proxy accepts. Production brings its own secret.
 */
public final class DevelopmentSecret {
    private DevelopmentSecret() {
    }

    /**
     * Makes the development secret of a plan whose proxy signs end users in with a secret file that is missing; the
     * note to tell the user when it made one.
     */
    static java.util.Optional<String> ensureFor(Plan plan) {
        return plan.process(Planner.PROXY).map(PlannedProcess::config)
                .filter(config -> config instanceof ProxyConfig)
                .map(config -> ((ProxyConfig) config).auth())
                .filter(auth -> auth != null && auth.secretFile() != null)
                .filter(auth -> ensure(Path.of(auth.secretFile())))
                .map(auth -> "made a development secret for signing in at " + auth.secretFile()
                        + " (readable by you only); `clusterdeck token --design` mints tokens with it");
    }

    /** Makes the file when it is missing; true when it made it. */
    public static boolean ensure(Path file) {
        if (Files.exists(file)) {
            return false;
        }
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n",
                    StandardCharsets.US_ASCII);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new LaunchException("cannot make the development secret " + file + ": " + e.getMessage(), e);
        }
    }
}
