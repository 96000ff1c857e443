package io.clusterdeck.plan;

import io.clusterdeck.design.Jvm;
import io.clusterdeck.design.Restart;
import java.util.Objects;

/**
 * One process of a plan.
 *
 * @param name     unique in the plan: {@code repository}, {@code gateway}, {@code worker-orders-1}, {@code proxy}
 * @param segment  the segment a worker serves, null for other roles
 * @param instance 1-based index of a worker in its segment, 0 for other roles
 * @param url      where it answers, {@code http://host:port}
 * @param restart  what the launcher does when it exits
 * @param jvm      the JVM settings it runs with
 * @param config   the config it runs with
 */
public record PlannedProcess(String name, Role role, String segment, int instance, String host, int port, String url,
                             Restart restart, Jvm jvm, ServiceConfig config) {
    public PlannedProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(config, "config");
    }
}
