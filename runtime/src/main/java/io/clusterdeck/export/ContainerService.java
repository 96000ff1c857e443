package io.clusterdeck.export;

import io.clusterdeck.design.Autoscale;
import io.clusterdeck.design.Jvm;
import io.clusterdeck.design.Restart;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfig;
import java.util.List;
import java.util.Objects;

/**
 * One service of a containerised cluster: a Compose service or a Kubernetes Deployment, with its replicas.
 *
 * @param segment   the segment a worker service runs, null for other roles
 * @param replicas  how many identical containers run it: a segment's worker count, 1 for other roles (each of several
 *                  gateways is a service of its own)
 * @param autoscale the segment's autoscaler bounds, or null
 * @param config    the config every replica runs with
 */
public record ContainerService(String name, Role role, String segment, int replicas, int port, Restart restart,
                               Jvm jvm, Autoscale autoscale, ServiceConfig config) {
    public ContainerService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(config, "config");
        if (replicas < 1) {
            throw new IllegalArgumentException(name + ": replicas must be at least 1, was " + replicas);
        }
    }

    /** The file name of its config: {@code gateway.json}. */
    public String configFile() {
        return name + ".json";
    }

    /** The command line arguments after the jar: {@code run gateway --config /etc/clusterdeck/config/gateway.json}. */
    public List<String> runArguments() {
        return List.of("run", role.json(), "--config", ContainerPlan.CONFIG_DIR + "/" + configFile());
    }

    /** Its JVM options: the small-JVM flags, its heap and the design's extra options. */
    public String javaOptions() {
        return String.join(" ", JvmFlags.of(jvm));
    }
}
