package io.clusterdeck.service.repository;

import io.clusterdeck.http.HttpService;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.Routes;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.protocol.Health;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.time.Clock;
import io.undertow.Handlers;

/**
 * The repository: serves function bundles and static assets from its folders only (see {@link RepositoryRoutes}),
 * plus {@code GET /health} and {@code GET /metrics}.
 */
public final class RepositoryService extends HttpService {
    private final RepositoryConfig config;
    private final RepositoryRoutes routes;
    private final ServiceMetrics metrics;

    private RepositoryService(RepositoryConfig config, ClusterKey key) {
        super(IoEngine.create(config.name(), 1, 2));
        this.config = config;
        this.routes = new RepositoryRoutes(config.bundles(), config.assets(),
                key == null ? null : new ClusterTokens(config.name(), key, Clock.SYSTEM));
        this.metrics = new ServiceMetrics(config.name());
    }

    /** @param key the cluster key, which members' bundle requests are checked with; null: no one gets bundles */
    public static RepositoryService create(RepositoryConfig config, ClusterKey key) {
        return new RepositoryService(config, key);
    }

    @Override
    public RepositoryService start() {
        var health = Json.bytes(Health.up(config.name()).tree());
        listen(config.host(), config.port(), Routes.root(config.name(), Handlers.path(routes::handle)
                .addExactPath(Paths.HEALTH, exchange -> Responses.json(exchange, 200, health))
                .addExactPath(Paths.METRICS, metrics.handler())));
        return this;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void stop() {
        stopEngine();
    }
}
