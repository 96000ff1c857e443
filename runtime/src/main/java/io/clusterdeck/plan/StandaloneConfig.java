package io.clusterdeck.plan;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.Function;
import java.util.List;

/** Standalone: a repository and a worker holding every function, in one process. */
public record StandaloneConfig(String name, String host, int port, String clusterKeyFile, String assets,
                               List<Bundle> bundles, int maxBodyBytes, List<Function> functions)
        implements ServiceConfig {
    public StandaloneConfig {
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        functions = functions == null ? List.of() : List.copyOf(functions);
        Endpoints.check(name, host, port).throwIfAny();
    }

    @Override
    public Role role() {
        return Role.STANDALONE;
    }

    @Override
    public StandaloneConfig withAddress(String newHost, int newPort) {
        return new StandaloneConfig(name, newHost, newPort, clusterKeyFile, assets, bundles, maxBodyBytes, functions);
    }
}
