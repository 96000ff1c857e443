package io.clusterdeck.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What one runtime service runs with: the file {@code clusterdeck run ROLE --config FILE} reads.
 * Every config names its service, the address it binds to, and where its cluster key comes from.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "role")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RepositoryConfig.class, name = "repository"),
        @JsonSubTypes.Type(value = GatewayConfig.class, name = "gateway"),
        @JsonSubTypes.Type(value = WorkerConfig.class, name = "worker"),
        @JsonSubTypes.Type(value = StandaloneConfig.class, name = "standalone"),
        @JsonSubTypes.Type(value = ProxyConfig.class, name = "proxy")})
public sealed interface ServiceConfig permits RepositoryConfig, GatewayConfig, WorkerConfig, StandaloneConfig, ProxyConfig {
    /** Environment variable that holds the cluster key when no key file is configured. */
    String CLUSTER_KEY_ENV = "CLUSTERDECK_CLUSTER_KEY";

    /** The service's name, unique in its plan: {@code gateway}, {@code worker-orders-2}. */
    String name();

    /** The address to bind to: 127.0.0.1 on a laptop, 0.0.0.0 in a container. */
    String host();

    /** The port to listen on; 0 picks a free port, which the service announces. */
    int port();

    /** A file holding the cluster key, or null to read it from {@link #CLUSTER_KEY_ENV}. */
    String clusterKeyFile();

    @JsonIgnore
    Role role();

    /** The same config listening on another address and port. */
    ServiceConfig withAddress(String host, int port);
}
