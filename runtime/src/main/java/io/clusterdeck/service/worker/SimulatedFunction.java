package io.clusterdeck.service.worker;

import io.clusterdeck.design.Function;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.service.LatencySampler;
import io.clusterdeck.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A function played by its cost model: it really burns {@code cpuMs} of CPU on a worker thread, waits a latency
 * drawn from its distribution without holding a thread, calls the functions it calls one after the other, fails
 * at {@code errorRate} with a 500, and returns about {@code responseBytes} of JSON (the same bytes every time,
 * made once). A function that does none of the first three answers on the thread that called it.
 */
final class SimulatedFunction implements FunctionImplementation {
    private final Function function;
    private final Simulation model;
    private final String worker;
    private final Executor cpu;
    private final Scheduler scheduler;
    private final byte[] result;
    private final boolean instant;

    SimulatedFunction(Function function, String worker, Executor cpu, Scheduler scheduler) {
        this.function = function;
        this.model = function.simulate();
        this.worker = worker;
        this.cpu = cpu;
        this.scheduler = scheduler;
        this.result = result();
        boolean waits = model.latency() != null && model.latency().meanMs() != null && model.latency().meanMs() > 0;
        // Neither CPU, nor a wait, nor a call: the answer is ready on whatever thread asks.
        this.instant = model.cpuMs() <= 0 && !waits && function.calls().isEmpty();
    }

    @Override
    public CompletableFuture<byte[]> invoke(FunctionCall call, FunctionCaller caller) {
        if (instant) {
            try {
                return CompletableFuture.completedFuture(answer());
            } catch (ServiceException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<Void> work = model.cpuMs() > 0
                ? CompletableFuture.runAsync(() -> burn(model.cpuMs()), cpu) : CompletableFuture.completedFuture(null);
        if (model.latency() != null && model.latency().meanMs() != null && model.latency().meanMs() > 0) {
            work = work.thenCompose(ignored -> waitLatency());
        }
        for (var callee : function.calls()) {
            work = work.thenCompose(ignored -> caller.call(callee, call.arguments(), call).thenApply(result -> null));
        }
        return work.thenApply(ignored -> answer());
    }

    /** The result, or the simulated failure at the model's error rate. */
    private byte[] answer() {
        if (model.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < model.errorRate()) {
            throw new ServiceException(500, "simulated_error",
                    "'" + function.name() + "' failed, as it does in " + Math.round(model.errorRate() * 1000) / 10.0 + "% of calls");
        }
        return result;
    }

    private CompletableFuture<Void> waitLatency() {
        long nanos = LatencySampler.sampleNanos(model.latency());
        if (nanos <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        var waited = new CompletableFuture<Void>();
        scheduler.schedule(() -> waited.complete(null), nanos, TimeUnit.NANOSECONDS);
        return waited;
    }

    /** Spins until this thread has used the given CPU time (or, as a bound, twenty times that in wall time). */
    static void burn(double cpuMs) {
        if (cpuMs <= 0) {
            return;
        }
        long cpuNanos = (long) (cpuMs * 1_000_000);
        boolean measured = ThreadCpu.measured();
        long cpuStart = ThreadCpu.nanos();
        long wallStart = System.nanoTime();
        long wallLimit = cpuNanos * 20 + 100_000_000L;
        long sink = 0;
        while (true) {
            for (int i = 0; i < 2_000; i++) {
                sink += i * 31L ^ sink;
            }
            long wall = System.nanoTime() - wallStart;
            long used = measured ? ThreadCpu.nanos() - cpuStart : wall;
            if (used >= cpuNanos || wall >= wallLimit) {
                break;
            }
        }
        if (sink == 42) {
            Thread.onSpinWait();
        }
    }

    private byte[] result() {
        var body = Json.object();
        body.put("function", function.name());
        body.put("worker", worker);
        int overhead = Json.bytes(body).length + 14;
        body.put("payload", "x".repeat(Math.max(0, model.responseBytes() - overhead)));
        return Json.bytes(body);
    }
}
