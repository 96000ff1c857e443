package io.clusterdeck.service;

import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.gateway.GatewayService;
import io.clusterdeck.service.worker.WorkerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A gateway and workers in this JVM on free ports, stopped together. */
public final class InProcessCluster implements AutoCloseable {
    public final GatewayService gateway;
    public final List<WorkerService> workers = new ArrayList<>();

    private InProcessCluster(GatewayService gateway) {
        this.gateway = gateway;
    }

    /** A gateway, then workers named {@code worker-<segment>-<n>}, every one healthy before this returns. */
    public static InProcessCluster start(HealthCheck checks, int timeoutMs, int shopWorkers, int stockWorkers) {
        return start(TestConfigs.gateway(0, checks, timeoutMs, null), shopWorkers, stockWorkers);
    }

    public static InProcessCluster start(io.clusterdeck.plan.GatewayConfig config, int shopWorkers, int stockWorkers) {
        var cluster = new InProcessCluster(GatewayService.create(config, ClusterKey.of(TestConfigs.KEY)).start());
        try {
            for (int i = 1; i <= shopWorkers; i++) {
                cluster.addWorker("shop", i);
            }
            for (int i = 1; i <= stockWorkers; i++) {
                cluster.addWorker("stock", i);
            }
            cluster.awaitHealthy(shopWorkers + stockWorkers);
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public WorkerService addWorker(String segment, int index) {
        var worker = WorkerService.create(TestConfigs.worker("worker-" + segment + "-" + index, segment, gateway.url(), null),
                ClusterKey.of(TestConfigs.KEY)).start();
        workers.add(worker);
        return worker;
    }

    public void awaitHealthy(int count) {
        Await.until(count + " workers are healthy", Duration.ofSeconds(10), () ->
                countOf(TestHttp.get(gateway.url() + "/cluster").body(), "\"state\":\"healthy\"") == count);
    }

    public String rpc(String function) {
        return gateway.url() + "/rpc/" + function;
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        for (var worker : workers) {
            try {
                worker.stop();
            } catch (RuntimeException ignored) {
                // keep stopping the others
            }
        }
        gateway.stop();
    }
}
