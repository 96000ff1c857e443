package io.clusterdeck.plan;

import io.clusterdeck.design.AuthSettings;
import java.util.List;
import java.util.Map;

/**
 * The proxy: forwards {@code /rpc/*} of public functions to the gateways at {@code rpcUrls} (or the standalone
 * service), balancing over them and failing over between them, and everything else to {@code repositoryUrl}.
 *
 * @param tryTimeoutMs with more than one gateway, how long an idempotent call waits for one gateway's answer before
 *                     it is sent to another as well (0: never)
 * @param auth         how callers' tokens are checked (files as absolute paths), or null when callers are anonymous
 * @param roles        the public functions that need a role, and the roles any one of which lets a caller in
 */
public record ProxyConfig(String name, String host, int port, String clusterKeyFile, List<String> rpcUrls,
                          String repositoryUrl, int maxBodyBytes, int requestTimeoutMs, int tryTimeoutMs,
                          List<String> publicFunctions, AuthSettings auth, Map<String, List<String>> roles,
                          List<String> idempotentFunctions) implements ServiceConfig {
    public ProxyConfig {
        publicFunctions = publicFunctions == null ? List.of() : List.copyOf(publicFunctions);
        idempotentFunctions = idempotentFunctions == null ? List.of() : List.copyOf(idempotentFunctions);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        var checks = Endpoints.check(name, host, port);
        rpcUrls = Endpoints.urls(checks, "rpcUrls", rpcUrls);
        Endpoints.url(checks, "repositoryUrl", repositoryUrl);
        checks.between("tryTimeoutMs", tryTimeoutMs, 0, 3_600_000);
        checks.throwIfAny();
    }

    /** A proxy in front of one gateway whose callers are anonymous. */
    public ProxyConfig(String name, String host, int port, String clusterKeyFile, String rpcUrl, String repositoryUrl,
                       int maxBodyBytes, int requestTimeoutMs, List<String> publicFunctions) {
        this(name, host, port, clusterKeyFile, List.of(rpcUrl), repositoryUrl, maxBodyBytes, requestTimeoutMs, 0,
                publicFunctions, null, null, null);
    }

    /**
     * A proxy in front of one gateway that knows no function to be idempotent: it sends a call again only when the
     * gateway never got it.
     */
    public ProxyConfig(String name, String host, int port, String clusterKeyFile, String rpcUrl, String repositoryUrl,
                       int maxBodyBytes, int requestTimeoutMs, List<String> publicFunctions, AuthSettings auth,
                       Map<String, List<String>> roles) {
        this(name, host, port, clusterKeyFile, List.of(rpcUrl), repositoryUrl, maxBodyBytes, requestTimeoutMs, 0,
                publicFunctions, auth, roles, null);
    }

    @Override
    public Role role() {
        return Role.PROXY;
    }

    @Override
    public ProxyConfig withAddress(String newHost, int newPort) {
        return new ProxyConfig(name, newHost, newPort, clusterKeyFile, rpcUrls, repositoryUrl, maxBodyBytes,
                requestTimeoutMs, tryTimeoutMs, publicFunctions, auth, roles, idempotentFunctions);
    }
}
