package io.clusterdeck.launch;

import java.nio.file.Path;
import java.util.function.Supplier;

/** The launcher's credentials as a member of the cluster it started. */
final class ClusterAuth {
    private ClusterAuth() {
    }

    /** The {@code Authorization} header value for calls to the cluster's internal endpoints. */
    static Supplier<String> authorization(Path clusterKeyFile) {
        return () -> {
            throw new LaunchException("cluster tokens are not available yet");
        };
    }
}
