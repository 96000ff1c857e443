package io.clusterdeck.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a plan depends on besides the design.
 *
 * @param baseDir       folder that relative paths in the design (bundles, assets) are resolved against
 * @param cores         CPU cores, for segments with one worker per core
 * @param host          the address every service binds to and is reached at
 * @param ports         ports to use instead of the design's, by process name (a launcher replacing taken ports)
 * @param clusterKeyFile where services read the cluster key, or null for the environment variable
 */
public record PlanOptions(Path baseDir, int cores, String host, Map<String, Integer> ports, String clusterKeyFile) {
    public static final String LOOPBACK = "127.0.0.1";

    public PlanOptions {
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(host, "host");
        ports = ports == null ? Map.of() : Map.copyOf(ports);
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, was " + cores);
        }
    }

    /** On this machine, on loopback, for a design file in the given folder. */
    public static PlanOptions local(Path baseDir) {
        return new PlanOptions(baseDir, Runtime.getRuntime().availableProcessors(), LOOPBACK, Map.of(), null);
    }

    public PlanOptions withPorts(Map<String, Integer> newPorts) {
        return new PlanOptions(baseDir, cores, host, newPorts, clusterKeyFile);
    }

    public PlanOptions withCores(int newCores) {
        return new PlanOptions(baseDir, newCores, host, ports, clusterKeyFile);
    }
}
