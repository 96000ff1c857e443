package io.clusterdeck.cli;

import io.clusterdeck.http.Service;
import io.clusterdeck.launch.ParentGuard;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.plan.StandaloneConfig;
import io.clusterdeck.plan.WorkerConfig;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.gateway.GatewayService;
import io.clusterdeck.service.proxy.ProxyService;
import io.clusterdeck.service.repository.RepositoryService;
import io.clusterdeck.service.standalone.StandaloneService;
import io.clusterdeck.service.worker.WorkerService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one service of a plan until SIGTERM or SIGINT, or until the launcher that started it is gone; then stops it
 * gracefully and exits. {@code clusterdeck run} and the processes the launcher starts share it. When the service
 * listens (a worker: and is registered) it prints {@link Service#readyLine}.
 */
public final class ServiceRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private ServiceRunner() {
    }

    /**
     * The entry point of the processes the launcher starts: {@code ROLE CONFIG}, nothing else to parse, so no
     * command-line library is loaded and a process is ready sooner.
     */
    public static void main(String[] args) {
        Main.logThroughSlf4j();
        var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            if (args.length != 2) {
                throw new UsageException("expected ROLE CONFIG, got " + args.length + " arguments");
            }
            code = run(roleOf(args[0]), Path.of(args[1]), null, out, err);
        } catch (UsageException e) {
            err.println("clusterdeck: " + e.getMessage());
            code = Main.USAGE;
        } catch (Throwable e) {
            err.println("clusterdeck: unexpected failure: " + e);
            e.printStackTrace(err);
            code = Main.INVALID;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the service of a config file until it is told to stop; the exit code. */
    static int run(Role wanted, Path config, Integer port, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (!Files.isRegularFile(config)) {
            throw new UsageException(config + ": no such file");
        }
        if (port != null && (port < 0 || port > 65_535)) {
            throw new UsageException("--port must be between 0 and 65535, was " + port);
        }
        var parsed = ServiceConfigs.load(config, wanted);
        if (!parsed.ok()) {
            parsed.problems().forEach(err::println);
            err.flush();
            return Main.INVALID;
        }
        var settings = parsed.value().orElseThrow();
        if (port != null) {
            settings = settings.withAddress(settings.host(), port);
        }
        Service service;
        try {
            service = create(settings, System.getenv());
        } catch (ClusterKey.MissingClusterKeyException e) {
            throw new UsageException(e.getMessage());
        } catch (RuntimeException e) {
            err.println("clusterdeck: cannot start " + settings.name() + ": " + e.getMessage());
            err.flush();
            return Main.INVALID;
        }
        var stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            int code = Main.OK;
            try {
                LOG.info("stopping {}", service.name());
                service.stop();
                LOG.info("stopped {}", service.name());
            } catch (Throwable e) {
                code = Main.INVALID;
                LOG.error("could not stop {} gracefully: {}", service.name(), e.toString());
            } finally {
                // Whatever the stop did, the process ends: it must never outlive its launcher.
                stopped.countDown();
                System.exit(code);
            }
        };
        onStopSignal(stop);
        ParentGuard.installIfLaunched(() -> {
            LOG.info("the launcher that started {} is gone", service.name());
            stop.run();
        });
        try {
            service.start();
        } catch (RuntimeException e) {
            LOG.error("cannot start {}: {}", settings.name(), e.getMessage());
            err.println("clusterdeck: cannot start " + settings.name() + ": " + e.getMessage());
            err.flush();
            return Main.INVALID;
        }
        out.println(Service.readyLine(service));
        out.flush();
        stopped.await();
        return Main.OK;
    }

    /** The role a command line names; a usage error for any other word. */
    static Role roleOf(String text) {
        return Arrays.stream(Role.values()).filter(r -> r.json().equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new UsageException("unknown role '" + text + "': expected repository, gateway, worker, proxy or standalone"));
    }

    static Service create(ServiceConfig config, Map<String, String> environment) {
        if (config instanceof GatewayConfig gateway) {
            return GatewayService.create(gateway, ClusterKey.require(config, environment));
        }
        if (config instanceof WorkerConfig worker) {
            return WorkerService.create(worker, ClusterKey.require(config, environment));
        }
        if (config instanceof RepositoryConfig repository) {
            return RepositoryService.create(repository, ClusterKey.find(config, environment).orElse(null));
        }
        if (config instanceof ProxyConfig proxy) {
            return ProxyService.create(proxy, ClusterKey.find(config, environment).orElse(null), environment);
        }
        var standalone = (StandaloneConfig) config;
        return StandaloneService.create(standalone, ClusterKey.find(config, environment).orElse(null));
    }

    @SuppressWarnings("sunapi")
    private static void onStopSignal(Runnable stop) {
        var once = new AtomicBoolean();
        sun.misc.SignalHandler handler = signal -> {
            if (once.compareAndSet(false, true)) {
                new Thread(stop, "stop").start();
            }
        };
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
    }
}
