package io.clusterdeck.launch;

import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.time.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The launcher's credentials as a member of the cluster it started: it holds the cluster key it wrote. */
final class ClusterAuth {
    private ClusterAuth() {
    }

    /** The {@code Authorization} header value for calls to the cluster's internal endpoints. */
    static Supplier<String> authorization(Path clusterKeyFile) {
        var tokens = new ClusterTokens("launcher", key(clusterKeyFile), Clock.SYSTEM);
        return () -> tokens.authorization(null);
    }

    static ClusterKey key(Path clusterKeyFile) {
        try {
            return ClusterKey.of(Files.readString(clusterKeyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster key " + clusterKeyFile, e);
        }
    }
}
