package io.clusterdeck.cli;

import io.clusterdeck.launch.ParentGuard;
import io.clusterdeck.plan.GatewayConfig;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import io.clusterdeck.plan.StandaloneConfig;
import io.clusterdeck.plan.WorkerConfig;
import io.clusterdeck.service.ClusterKey;
import io.clusterdeck.service.Service;
import io.clusterdeck.service.gateway.GatewayService;
import io.clusterdeck.service.proxy.ProxyService;
import io.clusterdeck.service.repository.RepositoryService;
import io.clusterdeck.service.standalone.StandaloneService;
import io.clusterdeck.service.worker.WorkerService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clusterdeck run ROLE --config FILE [--port N]}: runs one service of a plan until SIGTERM or SIGINT, then
 * stops it gracefully and exits 0. When it listens (a worker: and is registered) it prints one line to stdout:
 * {@code clusterdeck ready: name=<name> url=http://127.0.0.1:<port> pid=<pid>}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one service: repository, gateway, worker, proxy or standalone.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by a signal after a graceful stop", "1:the config has problems or the service failed",
                "2:usage error, such as a missing file or no cluster key"})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ROLE", description = "repository, gateway, worker, proxy or standalone")
    String role;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The service's config file (from the plan).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Listen on this port instead of the config's; 0 picks a free one.")
    Integer port;

    @Override
    public Integer call() throws InterruptedException {
        var wanted = roleOf(role);
        if (!Files.isRegularFile(config)) {
            throw new UsageException(config + ": no such file");
        }
        if (port != null && (port < 0 || port > 65_535)) {
            throw new UsageException("--port must be between 0 and 65535, was " + port);
        }
        var parsed = ServiceConfigs.load(config, wanted);
        var err = spec.commandLine().getErr();
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
        var out = spec.commandLine().getOut();
        out.println(Service.readyLine(service));
        out.flush();
        stopped.await();
        return Main.OK;
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

    private static Role roleOf(String text) {
        return Arrays.stream(Role.values()).filter(r -> r.json().equals(text.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new UsageException("unknown role '" + text + "': expected repository, gateway, worker, proxy or standalone"));
    }

    @SuppressWarnings("sunapi")
    private static void onStopSignal(Runnable stop) {
        var once = new java.util.concurrent.atomic.AtomicBoolean();
        sun.misc.SignalHandler handler = signal -> {
            if (once.compareAndSet(false, true)) {
                new Thread(stop, "stop").start();
            }
        };
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
    }
}
