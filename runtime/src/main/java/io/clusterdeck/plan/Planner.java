package io.clusterdeck.plan;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.AuthSettings;
import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Jvm;
import io.clusterdeck.design.Mode;
import io.clusterdeck.design.PortSettings;
import io.clusterdeck.design.Restart;
import io.clusterdeck.design.Segment;
import io.clusterdeck.json.DocumentException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Turns a valid design into a plan. Deterministic: the same design and options give the same plan.
 *
 * <p>Ports: the proxy gets the base port, the gateway (or standalone service) base + 1, the repository
 * base + 2, further gateway replicas base + 3 onwards, and workers base + 10 onwards in segment order, unless
 * {@link PlanOptions#ports()} says otherwise.
 */
public final class Planner {
    public static final String REPOSITORY = "repository";
    public static final String GATEWAY = "gateway";
    public static final String STANDALONE = "standalone";
    public static final String PROXY = "proxy";

    private final Design design;
    private final PlanOptions options;

    private Planner(Design design, PlanOptions options) {
        this.design = design;
        this.options = options;
    }

    /** Plans a design; throws {@link DocumentException} when the design has problems. */
    public static Plan plan(Design design, PlanOptions options) {
        var problems = design.validate();
        if (!problems.isEmpty()) {
            throw new DocumentException(problems);
        }
        return new Planner(design, options).build();
    }

    /** The name of a gateway, 1-based: {@code gateway} when it is the only one, else {@code gateway-2}. */
    public static String gatewayName(int instance, int replicas) {
        return replicas == 1 ? GATEWAY : GATEWAY + "-" + instance;
    }

    /** The name of a segment's worker, 1-based: {@code worker-orders-2}. */
    public static String workerName(String segment, int instance) {
        return "worker-" + segment + "-" + instance;
    }

    /**
     * The name of the one service that runs every worker of a segment where an orchestrator scales replicas of it
     * (a Compose service, a Kubernetes Deployment): {@code worker-orders}.
     */
    public static String workerService(String segment) {
        return "worker-" + segment;
    }

    private Plan build() {
        var processes = new ArrayList<PlannedProcess>();
        int base = design.ports().base();
        boolean proxy = design.proxy().enabled();
        List<String> rpcUrls;
        String repositoryUrl;
        if (design.mode() == Mode.STANDALONE) {
            int port = port(STANDALONE, base + 1);
            rpcUrls = List.of(url(port));
            repositoryUrl = url(port);
            processes.add(service(STANDALONE, Role.STANDALONE, port, new StandaloneConfig(STANDALONE, options.host(),
                    port, options.clusterKeyFile(), assets(), bundles(), maxBody(), design.functions())));
        } else {
            int repositoryPort = port(REPOSITORY, base + 2);
            repositoryUrl = url(repositoryPort);
            processes.add(service(REPOSITORY, Role.REPOSITORY, repositoryPort, new RepositoryConfig(REPOSITORY,
                    options.host(), repositoryPort, options.clusterKeyFile(), assets(), bundles())));
            int replicas = design.gateway().replicas();
            var gatewayUrls = new ArrayList<String>();
            for (int i = 1; i <= replicas; i++) {
                String name = gatewayName(i, replicas);
                int port = port(name, i == 1 ? base + 1 : base + 1 + i);
                gatewayUrls.add(url(port));
                processes.add(new PlannedProcess(name, Role.GATEWAY, null, replicas == 1 ? 0 : i, options.host(), port,
                        url(port), Restart.ALWAYS, Jvm.DEFAULT, gatewayConfig(name, port)));
            }
            rpcUrls = List.copyOf(gatewayUrls);
            int next = base + PortSettings.FIRST_WORKER_OFFSET;
            for (var segment : design.segments()) {
                int count = segment.workers().resolve(options.cores());
                for (int i = 1; i <= count; i++) {
                    processes.add(worker(segment, i, port(workerName(segment.name(), i), next++), rpcUrls, repositoryUrl));
                }
            }
        }
        if (proxy) {
            int port = port(PROXY, base);
            var publicFunctions = design.functions().stream().filter(f -> f.access() == Access.PUBLIC).toList();
            var roles = new java.util.LinkedHashMap<String, List<String>>();
            publicFunctions.stream().filter(f -> !f.roles().isEmpty()).forEach(f -> roles.put(f.name(), f.roles()));
            processes.add(service(PROXY, Role.PROXY, port, new ProxyConfig(PROXY, options.host(), port,
                    options.clusterKeyFile(), rpcUrls, repositoryUrl, maxBody(), design.gateway().requestTimeoutMs(),
                    design.gateway().tryTimeoutMs(), publicFunctions.stream().map(Function::name).toList(), auth(),
                    roles, publicFunctions.stream().filter(Function::idempotent).map(Function::name).toList())));
        }
        String entry = proxy ? url(port(PROXY, base)) : rpcUrls.get(0);
        return new Plan(design.name(), design.mode(), processes, entry);
    }

    private GatewayConfig gatewayConfig(String name, int port) {
        var gateway = design.gateway();
        var segments = design.segments().stream().map(s -> new SegmentRoute(s.name(), s.balancing(), s.functions(),
                s.workers().resolve(options.cores()))).toList();
        var callers = new java.util.HashMap<String, List<String>>();
        for (var caller : design.functions()) {
            caller.calls().forEach(callee -> callers.computeIfAbsent(callee, k -> new ArrayList<>()).add(caller.name()));
        }
        var functions = design.functions().stream().map(f -> new FunctionRoute(f.name(),
                design.segmentOf(f.name()).map(Segment::name).orElseThrow(), f.access(), f.idempotent(),
                callers.getOrDefault(f.name(), List.of()))).toList();
        return new GatewayConfig(name, options.host(), port, options.clusterKeyFile(), gateway.healthCheck(),
                gateway.requestTimeoutMs(), gateway.retries(), gateway.maxBodyBytes(), segments, functions,
                design.network().hopLatency());
    }

    private PlannedProcess worker(Segment segment, int instance, int port, List<String> gatewayUrls,
                                  String repositoryUrl) {
        String name = workerName(segment.name(), instance);
        var functions = segment.functions().stream().map(f -> design.function(f).orElseThrow()).toList();
        var bundles = new LinkedHashSet<String>();
        functions.stream().filter(Function::hasJavaImplementation).forEach(f -> bundles.add(f.java().bundle()));
        var config = new WorkerConfig(name, options.host(), port, options.clusterKeyFile(), segment.name(),
                segment.weightOf(instance - 1), gatewayUrls, repositoryUrl, maxBody(), functions, List.copyOf(bundles));
        return new PlannedProcess(name, Role.WORKER, segment.name(), instance, options.host(), port, url(port),
                segment.restart(), segment.jvm(), config);
    }

    private PlannedProcess service(String name, Role role, int port, ServiceConfig config) {
        return new PlannedProcess(name, role, null, 0, options.host(), port, url(port), Restart.ALWAYS, Jvm.DEFAULT,
                config);
    }

    private int port(String name, int planned) {
        return Objects.requireNonNullElse(options.ports().get(name), planned);
    }

    private String url(int port) {
        String host = options.host().equals("0.0.0.0") ? PlanOptions.LOOPBACK : options.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private int maxBody() {
        return design.gateway().maxBodyBytes();
    }

    /** The design's auth settings with their files resolved against the design's folder. */
    private AuthSettings auth() {
        var auth = design.auth();
        if (auth == null) {
            return null;
        }
        return new AuthSettings(auth.issuer(), auth.audience(), resolved(auth.secretFile()), auth.secretEnv(),
                resolved(auth.jwksFile()), auth.rolesClaim(), auth.clockSkewSeconds());
    }

    private String resolved(String path) {
        return path == null ? null : options.baseDir().resolve(path).normalize().toString();
    }

    private String assets() {
        var assets = design.repository().assets();
        return assets == null ? null : options.baseDir().resolve(assets).normalize().toString();
    }

    private List<Bundle> bundles() {
        return design.bundles().stream().map(b -> new Bundle(b.name(),
                options.baseDir().resolve(b.path()).normalize().toString(), b.sha256())).toList();
    }
}
