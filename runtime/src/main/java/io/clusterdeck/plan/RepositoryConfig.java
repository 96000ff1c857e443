package io.clusterdeck.plan;

import io.clusterdeck.design.Bundle;
import java.util.List;

/**
 * The repository: serves function bundles and static assets from its folders only.
 *
 * @param assets  folder of static assets, or null for none
 * @param bundles function bundle jars it serves, with their files' paths
 */
public record RepositoryConfig(String name, String host, int port, String clusterKeyFile, String assets,
                               List<Bundle> bundles) implements ServiceConfig {
    public RepositoryConfig {
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        Endpoints.check(name, host, port).throwIfAny();
    }

    @Override
    public Role role() {
        return Role.REPOSITORY;
    }

    @Override
    public RepositoryConfig withAddress(String newHost, int newPort) {
        return new RepositoryConfig(name, newHost, newPort, clusterKeyFile, assets, bundles);
    }
}
