package io.clusterdeck.service.gateway;

import io.clusterdeck.event.EventLog;
import io.clusterdeck.http.Bodies;
import io.clusterdeck.http.ByteBudget;
import io.clusterdeck.http.HttpService;
import io.clusterdeck.http.IoEngine;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.Routes;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.ServiceMetrics;
import io.clusterdeck.json.InvalidValueException;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.protocol.Deregistered;
import io.clusterdeck.protocol.Health;
import io.clusterdeck.protocol.Paths;
import io.clusterdeck.protocol.Registration;
import io.clusterdeck.protocol.RegistrationAnswer;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.security.ClusterTokens;
import io.clusterdeck.service.EventStream;
import io.clusterdeck.time.Clock;
import io.clusterdeck.time.Scheduler;
import io.undertow.server.HttpHandler;
import io.undertow.util.PathTemplateMatch;

/**
 * The gateway: workers register with it, it checks their health and forwards {@code POST /rpc/{function}} to a
 * worker of the function's segment, failing over without losing calls.
 *
 * <p>Endpoints: {@code POST /workers} (register, or register again, cluster token), {@code DELETE /workers/{name}}
 * (deregister, cluster token), {@code GET /cluster}, {@code GET /events} (Server-Sent Events of
 * {@link io.clusterdeck.event.ClusterEvent}s, the recent ones first), {@code GET /health}, {@code GET /metrics},
 * {@code POST /rpc/{function}}.
 */
public final class GatewayService extends HttpService {
    private final GatewayConfig config;
    private final Clock clock;
    private final ClusterTokens tokens;
    private final EventLog events = new EventLog(2_000);
    private final ServiceMetrics metrics;
    private final WorkerRegistry registry;
    private final Forwarder forwarder;

    private GatewayService(GatewayConfig config, ClusterKey key, Clock clock, Scheduler scheduler) {
        super(IoEngine.create(config.name(), Runtime.getRuntime().availableProcessors(), 2));
        this.clock = clock;
        this.config = config;
        this.tokens = new ClusterTokens(config.name(), key, clock);
        this.metrics = new ServiceMetrics(config.name());
        var routes = new java.util.ArrayList<RpcRoute>();
        config.functions().forEach(route -> routes.add(new RpcRoute(route, routes.size())));
        this.registry = new WorkerRegistry(config.name(), config.healthCheck(), clock, engine.client(), events,
                metrics, routes.size());
        this.forwarder = new Forwarder(config, routes, registry, engine.client(), tokens, scheduler, metrics,
                ByteBudget.ofHeap(0.25));
        metrics.gauge("clusterdeck_workers_in_rotation", () -> registry.all().stream().filter(WorkerEntry::inRotation).count());
    }

    public static GatewayService create(GatewayConfig config, ClusterKey key) {
        return create(config, key, Clock.SYSTEM, Scheduler.threads(config.name() + "-scheduler", 1));
    }

    public static GatewayService create(GatewayConfig config, ClusterKey key, Clock clock, Scheduler scheduler) {
        return new GatewayService(config, key, clock, scheduler);
    }

    @Override
    public GatewayService start() {
        listen(config.host(), config.port(), Routes.root(config.name(), handler()));
        return this;
    }

    private HttpHandler handler() {
        var routes = Routes.create()
                .post(Paths.WORKERS, exchange -> {
                    tokens.require(exchange);
                    Bodies.read(exchange, 64 * 1024, (ex, body) -> register(ex, body));
                })
                .delete(Paths.WORKERS + "/{name}", exchange -> {
                    tokens.require(exchange);
                    var name = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("name");
                    if (!registry.deregister(name)) {
                        throw ServiceException.notFound("no worker named '" + name + "' is registered");
                    }
                    Responses.json(exchange, 200, new Deregistered(name).tree());
                })
                .get(Paths.CLUSTER, exchange -> Responses.json(exchange, 200, ClusterView.of(config, registry, clock).tree()))
                .get(Paths.EVENTS, new EventStream(events))
                .get(Paths.HEALTH, exchange -> Responses.json(exchange, 200,
                        Health.gateway(config.name(), registry.all().size()).tree()))
                .get(Paths.METRICS, metrics.handler());
        return Routes.rpcAnd(forwarder, routes);
    }

    private void register(io.undertow.server.HttpServerExchange exchange, byte[] body) {
        Registration registration;
        try {
            registration = Registration.of(Json.requestObject(body));
        } catch (InvalidValueException e) {
            throw ServiceException.badRequest("not a worker registration: " + e.getMessage());
        }
        if (config.segments().stream().noneMatch(s -> s.name().equals(registration.segment()))) {
            throw ServiceException.badRequest("this gateway routes no segment '" + registration.segment() + "'");
        }
        boolean created = registry.register(registration);
        // The interval of the health checks tells the worker how long a silence means this gateway forgot it.
        Responses.json(exchange, created ? 201 : 200, new RegistrationAnswer(created, registration.name(), config.name(),
                config.healthCheck().intervalMs()).tree());
    }

    /** The events this gateway has seen, for in-process use. */
    public EventLog events() {
        return events;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void stop() {
        registry.stop();
        stopEngine();
    }
}
