package io.clusterdeck.security;

import io.clusterdeck.plan.ServiceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The secret the members of one cluster share. It is read from the config's {@code clusterKeyFile} when set,
 * else from the environment variable {@value ServiceConfig#CLUSTER_KEY_ENV}. Tokens are signed with its SHA-256,
 * so a key of any length gives a full-strength HS256 key.
 */
public final class ClusterKey {
    private final byte[] signingKey;

    private ClusterKey(String secret) {
        this.signingKey = Sha256Digest.of(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static ClusterKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a cluster key must not be blank");
        }
        return new ClusterKey(secret.strip());
    }

    /** The key for a config, if one is configured. */
    public static Optional<ClusterKey> find(ServiceConfig config, Map<String, String> environment) {
        if (config.clusterKeyFile() != null) {
            var file = Path.of(config.clusterKeyFile());
            try {
                var text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.isBlank()) {
                    throw new MissingClusterKeyException("the cluster key file " + file + " is empty");
                }
                return Optional.of(of(text));
            } catch (IOException e) {
                throw new MissingClusterKeyException("cannot read the cluster key file " + file + ": " + e.getMessage());
            }
        }
        var value = environment.get(ServiceConfig.CLUSTER_KEY_ENV);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value));
    }

    /** The key for a service that cannot run without one. */
    public static ClusterKey require(ServiceConfig config, Map<String, String> environment) {
        return find(config, environment).orElseThrow(() -> new MissingClusterKeyException(
                "the " + config.role().json() + " '" + config.name() + "' needs a cluster key: set "
                        + ServiceConfig.CLUSTER_KEY_ENV + " or clusterKeyFile in its config"));
    }

    byte[] signingKey() {
        return signingKey.clone();
    }

    /** Thrown when a cluster service has no usable key; the command line exits 2 with its message. */
    public static final class MissingClusterKeyException extends RuntimeException {
        public MissingClusterKeyException(String message) {
            super(message);
        }
    }
}
