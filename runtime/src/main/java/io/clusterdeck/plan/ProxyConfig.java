package io.clusterdeck.plan;

import io.clusterdeck.design.AuthSettings;
import java.util.List;
import java.util.Map;

/**
 * The proxy: forwards {@code /rpc/*} of public functions to {@code rpcUrl} (the gateway, or the standalone
 * service) and everything else to {@code repositoryUrl}.
 *
 * @param auth  how callers' tokens are checked (files as absolute paths), or null when callers are anonymous
 * @param roles the public functions that need a role, and the roles any one of which lets a caller in
 */
public record ProxyConfig(String name, String host, int port, String clusterKeyFile, String rpcUrl,
                          String repositoryUrl, int maxBodyBytes, int requestTimeoutMs, List<String> publicFunctions,
                          AuthSettings auth, Map<String, List<String>> roles, List<String> idempotentFunctions)
        implements ServiceConfig {
    public ProxyConfig {
        publicFunctions = publicFunctions == null ? List.of() : List.copyOf(publicFunctions);
        idempotentFunctions = idempotentFunctions == null ? List.of() : List.copyOf(idempotentFunctions);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        var checks = Endpoints.check(name, host, port);
        Endpoints.url(checks, "rpcUrl", rpcUrl);
        Endpoints.url(checks, "repositoryUrl", repositoryUrl);
        checks.throwIfAny();
    }

    /** A proxy whose callers are anonymous. */
    public ProxyConfig(String name, String host, int port, String clusterKeyFile, String rpcUrl, String repositoryUrl,
                       int maxBodyBytes, int requestTimeoutMs, List<String> publicFunctions) {
        this(name, host, port, clusterKeyFile, rpcUrl, repositoryUrl, maxBodyBytes, requestTimeoutMs, publicFunctions,
                null, null, null);
    }

    /** A proxy that knows no function to be idempotent: it sends a call again only when the gateway never got it. */
    public ProxyConfig(String name, String host, int port, String clusterKeyFile, String rpcUrl, String repositoryUrl,
                       int maxBodyBytes, int requestTimeoutMs, List<String> publicFunctions, AuthSettings auth,
                       Map<String, List<String>> roles) {
        this(name, host, port, clusterKeyFile, rpcUrl, repositoryUrl, maxBodyBytes, requestTimeoutMs, publicFunctions,
                auth, roles, null);
    }

    @Override
    public Role role() {
        return Role.PROXY;
    }

    @Override
    public ProxyConfig withAddress(String newHost, int newPort) {
        return new ProxyConfig(name, newHost, newPort, clusterKeyFile, rpcUrl, repositoryUrl, maxBodyBytes,
                requestTimeoutMs, publicFunctions, auth, roles, idempotentFunctions);
    }
}
