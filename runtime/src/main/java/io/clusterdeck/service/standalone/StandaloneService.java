package io.clusterdeck.service.standalone;

import io.clusterdeck.http.HttpService;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.Routes;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.plan.StandaloneConfig;
import io.clusterdeck.protocol.Health;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.security.MemberAccess;
import io.clusterdeck.service.repository.RepositoryRoutes;
import io.clusterdeck.service.worker.FunctionCatalog;
import io.clusterdeck.service.worker.FunctionEndpoint;
import io.clusterdeck.service.worker.FunctionImplementations;
import io.clusterdeck.service.worker.HostedBundles;
import io.clusterdeck.service.worker.JavaFunctions;
import io.clusterdeck.service.worker.WorkerState;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.clusterdeck.time.Threads;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Standalone: a repository and a worker holding every function, in one process. Every call between functions is
 * in-process. Java functions come from the bundles' files, checked against the design's SHA-256 when it gives one. It is the entry point, so it applies access rules itself: public functions for anyone, protected
 * ones with a cluster token, private ones only from other functions. Endpoints: {@code POST /rpc/{function}},
 * {@code GET /health}, {@code GET /metrics}, and the repository's bundles and assets.
 */
public final class StandaloneService extends HttpService {
    private final StandaloneConfig config;
    private final ClusterTokens tokens;
    private final ServiceMetrics metrics;
    private final WorkerState state = new WorkerState();
    private final RepositoryRoutes repository;
    private final FunctionCatalog catalog;
    private final ExecutorService cpu;
    private final ExecutorService javaThreads;
    private final HostedBundles bundles;
    private final Scheduler scheduler;

    private StandaloneService(StandaloneConfig config, ClusterKey key) {
        super(IoEngine.create(config.name(), Math.min(2, Runtime.getRuntime().availableProcessors()), 4));
        this.config = config;
        this.tokens = key == null ? null : new ClusterTokens(config.name(), key, Clock.SYSTEM);
        this.metrics = new ServiceMetrics(config.name());
        this.repository = new RepositoryRoutes(config.bundles(), config.assets(), tokens);
        this.cpu = Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                Threads.daemon(config.name() + "-cpu"));
        this.scheduler = Scheduler.threads(config.name() + "-scheduler", 1);
        this.javaThreads = Executors.newFixedThreadPool(Math.max(16, 4 * Runtime.getRuntime().availableProcessors()),
                Threads.daemon(config.name() + "-java"));
        this.bundles = HostedBundles.local(config.bundles());
        try {
            this.catalog = new FunctionCatalog(config.functions(), config.name(), new JavaFunctions(config.functions(),
                    bundles.loaded(), javaThreads, FunctionImplementations.simulated(cpu, scheduler)), null);
        } catch (RuntimeException e) {
            bundles.close();
            throw e;
        }
    }

    /** @param key the cluster key, or null: then protected and private functions cannot be called from outside */
    public static StandaloneService create(StandaloneConfig config, ClusterKey key) {
        return new StandaloneService(config, key);
    }

    @Override
    public StandaloneService start() {
        var rpc = new FunctionEndpoint(config.name(), catalog, state, config.maxBodyBytes(),
                (exchange, function) -> {
                    var caller = tokens == null ? Optional.<io.clusterdeck.security.ClusterTokens.Caller>empty() : tokens.verify(exchange);
                    MemberAccess.check(function.access(), function.name(), caller);
                    return caller;
                },
                scheduler, Clock.SYSTEM, metrics);
        listen(config.host(), config.port(), Routes.root(config.name(), Routes.rpcAnd(rpc, repository::handle)
                .addExactPath(Paths.HEALTH, exchange -> Responses.json(exchange, 200,
                        Health.worker(true, config.name(), "*", state.inFlight(), state.served())))
                .addExactPath(Paths.METRICS, metrics.handler())));
        return this;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void stop() {
        state.drainAndWait(Clock.SYSTEM);
        stopEngine();
        cpu.shutdownNow();
        javaThreads.shutdownNow();
        bundles.close();
    }
}
