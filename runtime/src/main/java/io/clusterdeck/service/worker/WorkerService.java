package io.clusterdeck.service.worker;

import io.clusterdeck.design.Function;
import io.clusterdeck.http.Bodies;
import io.clusterdeck.http.HttpService;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.Routes;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.plan.WorkerConfig;
import io.clusterdeck.protocol.AdminRequests;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.Health;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.protocol.Registration;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.clusterdeck.time.Threads;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker: hosts the functions of one segment and registers with the gateway.
 *
 * <p>Endpoints: {@code POST /rpc/{function}} (cluster token: calls come through the gateway),
 * {@code GET /health} ({@code {"status":"UP"|"DOWN","name":..,"segment":..,"inFlight":n,"served":n}}, 503 when
 * DOWN), {@code POST /admin/health {"healthy":false}} and {@code POST /admin/latency {"addedMs":200}} (cluster
 * token), {@code GET /metrics}. {@link #stop()} drains: no new calls, deregister, finish the calls in flight.
 */
public final class WorkerService extends HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerService.class);
    /** The cores one simulated worker has: see {@link #cpuThreads}. */
    static final int SIMULATED_CORES = 1;

    private final WorkerConfig config;
    private final ClusterTokens tokens;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ServiceMetrics metrics;
    private final ExecutorService cpu;
    private final ExecutorService javaThreads;
    private final WorkerState state = new WorkerState();
    private final Health.WorkerAnswers healthAnswers;
    private final FunctionImplementations implementations;
    private final FunctionCaller remote;
    private HostedBundles bundles = HostedBundles.none();
    private FunctionCatalog catalog;
    private final GatewayLinks gateways;

    private WorkerService(WorkerConfig config, ClusterKey key, FunctionImplementations implementations, Clock clock,
                          Scheduler scheduler) {
        super(IoEngine.create(config.name(), Math.min(2, Runtime.getRuntime().availableProcessors()), 4));
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.tokens = new ClusterTokens(config.name(), key, clock);
        this.metrics = new ServiceMetrics(config.name());
        this.cpu = cpuThreads(config.name());
        this.javaThreads = javaThreads(config.name());
        this.gateways = new GatewayLinks(config.gatewayUrls());
        this.remote = new GatewayCaller(gateways, engine.client(), tokens, Duration.ofSeconds(30));
        this.implementations = implementations;
        this.healthAnswers = new Health.WorkerAnswers(config.name(), config.segment());
        metrics.gauge("clusterdeck_in_flight", state::inFlight);
    }

    /**
     * A worker running its simulated functions, and its Java functions from the bundles its config names, which it
     * fetches from the repository when it starts.
     */
    public static WorkerService create(WorkerConfig config, ClusterKey key) {
        return create(config, key, null, Clock.SYSTEM, Scheduler.threads(config.name() + "-scheduler", 1));
    }

    /** A worker whose functions the given factory implements (null: as {@link #create(WorkerConfig, ClusterKey)}). */
    public static WorkerService create(WorkerConfig config, ClusterKey key, FunctionImplementations implementations,
                                       Clock clock, Scheduler scheduler) {
        return new WorkerService(config, key, implementations, clock, scheduler);
    }

    /**
     * Fetches and loads its bundles (retrying while the repository is unreachable), listens, then registers with the
     * gateways (retrying while none is reachable), then keeps the ties alive.
     */
    @Override
    public WorkerService start() {
        try {
            catalog = new FunctionCatalog(config.functions(), config.name(), implementations(), remote,
                    new FunctionMeters(config.name(), config.segment(), config.functions().stream().map(Function::name).toList()));
        } catch (RuntimeException e) {
            stopEngine();
            throw e;
        }
        listen(config.host(), config.port(), Routes.root(config.name(), handler()));
        var registration = new Registration(config.name(), config.segment(), advertisedUrl(),
                ProcessHandle.current().pid(), Math.max(1, config.weight()), catalog.names());
        try {
            gateways.register(config.name(), registration, engine.client(), tokens, scheduler, clock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopEngine();
            throw new IllegalStateException("interrupted while registering with the gateway", e);
        } catch (RuntimeException e) {
            stopEngine();
            throw e;
        }
        // The first call no longer makes the thread bean itself (10-15 ms): it is made now, while the gateway's first
        // health check is on its way.
        Threads.start(config.name() + "-thread-cpu", ThreadCpu::measured);
        return this;
    }

    private FunctionImplementations implementations() {
        if (implementations != null) {
            return implementations;
        }
        if (!config.bundles().isEmpty()) {
            try {
                bundles = new BundleFetch(config.repositoryUrl(), engine.client(), tokens, clock, Thread::sleep, BundleFetch.PATIENCE)
                        .fetch(config.bundles());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching bundles", e);
            }
        }
        return new JavaFunctions(config.functions(), bundles.loaded(), CpuAccount.metered(javaThreads),
                FunctionImplementations.simulated(CpuAccount.metered(cpu), scheduler));
    }

    private HttpHandler handler() {
        var rpc = new FunctionEndpoint(config.name(), catalog, state, config.maxBodyBytes(),
                (exchange, function) -> Optional.of(tokens.require(exchange)), scheduler, clock, metrics);
        var routes = Routes.create()
                .get(Paths.HEALTH, this::health)
                .post(Paths.ADMIN_HEALTH, exchange -> admin(exchange, AdminRequests.HealthFlag.class, (ex, flag) -> {
                    if (flag.healthy() == null) {
                        throw ServiceException.badRequest("expected {\"healthy\": true|false}");
                    }
                    state.healthy(flag.healthy());
                    LOG.info("health flag set to {}", flag.healthy() ? "healthy" : "unhealthy");
                    Responses.json(ex, 200, new AdminRequests.HealthFlag(state.healthy()));
                }))
                .post(Paths.ADMIN_LATENCY, exchange -> admin(exchange, AdminRequests.AddedLatency.class, (ex, added) -> {
                    if (added.addedMs() == null || added.addedMs() < 0 || added.addedMs() > AdminRequests.AddedLatency.MAX_MS) {
                        throw ServiceException.badRequest("expected {\"addedMs\": n} with 0 <= n <= "
                                + AdminRequests.AddedLatency.MAX_MS);
                    }
                    state.addedLatencyMs(added.addedMs());
                    LOG.info("added latency set to {} ms", added.addedMs());
                    Responses.json(ex, 200, new AdminRequests.AddedLatency(state.addedLatencyMs()));
                }))
                .post(Paths.ADMIN_REGISTER, exchange -> admin(exchange, com.fasterxml.jackson.databind.node.ObjectNode.class,
                        (ex, ignored) -> {
                            gateways.registerNow();
                            Responses.json(ex, 202, new AdminRequests.Registering(gateways.started()));
                        }))
                .get(Paths.METRICS, metrics.handler())
                .get(Paths.PROFILE, exchange -> {
                    tokens.require(exchange);
                    Responses.json(exchange, 200, Json.bytes(catalog.meters().sample()));
                });
        return Routes.rpcAnd(rpc, routes);
    }

    private void health(HttpServerExchange exchange) {
        var checkedBy = exchange.getRequestHeaders().getFirst(ClusterHeaders.CHECKED_BY);
        if (checkedBy != null) {
            gateways.checkedBy(checkedBy);
        }
        boolean up = state.up();
        Responses.json(exchange, up ? 200 : 503, healthAnswers.of(up, state.inFlight(), state.served()));
    }

    /** An admin request: a member's, its body read as the given message (400 when it is not one). */
    private <T> void admin(HttpServerExchange exchange, Class<T> message,
                           java.util.function.BiConsumer<HttpServerExchange, T> action) {
        tokens.require(exchange);
        Bodies.read(exchange, 4096, (ex, body) -> action.accept(ex, Json.request(body, message)));
    }

    private String advertisedUrl() {
        var host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "127.0.0.1";
            }
        }
        return "http://" + host + ":" + port();
    }

    public WorkerState state() {
        return state;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** Drains: takes no new calls, deregisters, waits for the calls in flight (at most 10 s), then closes. */
    @Override
    public void stop() {
        state.drain();
        gateways.deregister();
        if (!state.drainAndWait(clock)) {
            LOG.warn("stopping with {} calls still in flight after {} ms", state.inFlight(),
                    WorkerState.DRAIN_LIMIT.toMillis());
        }
        stopEngine();
        cpu.shutdownNow();
        javaThreads.shutdownNow();
        bundles.close();
    }

    /** Java functions block on the calls they make, so they get threads of their own, more than the cores. */
    private static ExecutorService javaThreads(String name) {
        return Executors.newFixedThreadPool(Math.max(16, 4 * Runtime.getRuntime().availableProcessors()),
                Threads.numbered(name + "-java"));
    }

    /**
     * A simulated worker has one core, as a worker of the Node.js cluster model does: the CPU work of its functions
     * runs one call at a time, so a light call waits behind a heavy one on the same worker, as it would in
     * production; waits and calls to others hold no thread. That is what makes a segmentation's effect measurable on
     * one machine.
     */
    private static ExecutorService cpuThreads(String name) {
        return Executors.newFixedThreadPool(SIMULATED_CORES, Threads.numbered(name + "-cpu"));
    }
}
