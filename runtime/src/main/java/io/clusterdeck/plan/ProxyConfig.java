package io.clusterdeck.plan;

import java.util.List;

/**
 * The proxy: forwards {@code /rpc/*} of public functions to {@code rpcUrl} (the gateway, or the standalone
 * service) and everything else to {@code repositoryUrl}.
 */
public record ProxyConfig(String name, String host, int port, String clusterKeyFile, String rpcUrl,
                          String repositoryUrl, int maxBodyBytes, int requestTimeoutMs, List<String> publicFunctions)
        implements ServiceConfig {
    public ProxyConfig {
        publicFunctions = publicFunctions == null ? List.of() : List.copyOf(publicFunctions);
        var checks = Endpoints.check(name, host, port);
        Endpoints.url(checks, "rpcUrl", rpcUrl);
        Endpoints.url(checks, "repositoryUrl", repositoryUrl);
        checks.throwIfAny();
    }

    @Override
    public Role role() {
        return Role.PROXY;
    }

    @Override
    public ProxyConfig withAddress(String newHost, int newPort) {
        return new ProxyConfig(name, newHost, newPort, clusterKeyFile, rpcUrl, repositoryUrl, maxBodyBytes,
                requestTimeoutMs, publicFunctions);
    }
}
