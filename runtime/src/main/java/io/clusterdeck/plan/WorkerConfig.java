package io.clusterdeck.plan;

import io.clusterdeck.design.Function;
import java.util.List;

/**
 * A worker: hosts the functions of one segment and registers with every gateway.
 *
 * @param gatewayUrls every gateway of the cluster: the worker registers with each, and calls functions of other
 *                    segments through any of them
 * @param weight    its share under weighted balancing
 * @param functions full definitions of its segment's functions; calls to any other go through the gateway
 * @param bundles   names of the bundles its Java functions need, fetched from the repository at start
 */
public record WorkerConfig(String name, String host, int port, String clusterKeyFile, String segment, int weight,
                           List<String> gatewayUrls, String repositoryUrl, int maxBodyBytes, List<Function> functions,
                           List<String> bundles) implements ServiceConfig {
    public WorkerConfig {
        functions = functions == null ? List.of() : List.copyOf(functions);
        bundles = bundles == null ? List.of() : List.copyOf(bundles);
        var checks = Endpoints.check(name, host, port);
        checks.present("segment", segment);
        gatewayUrls = Endpoints.urls(checks, "gatewayUrls", gatewayUrls);
        Endpoints.url(checks, "repositoryUrl", repositoryUrl);
        checks.throwIfAny();
    }

    @Override
    public Role role() {
        return Role.WORKER;
    }

    @Override
    public WorkerConfig withAddress(String newHost, int newPort) {
        return new WorkerConfig(name, newHost, newPort, clusterKeyFile, segment, weight, gatewayUrls, repositoryUrl,
                maxBodyBytes, functions, bundles);
    }
}
