package io.clusterdeck.service.gateway;

import io.clusterdeck.event.EventType;
import io.clusterdeck.plan.FunctionRoute;
import io.clusterdeck.service.ClusterClient;
import io.clusterdeck.service.Headers;
import io.clusterdeck.service.LatencySampler;
import io.clusterdeck.service.RequestIds;
import io.clusterdeck.service.Responses;
import io.clusterdeck.service.Scheduler;
import io.clusterdeck.service.ServiceException;
import io.undertow.server.HttpServerExchange;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call through the gateway. It goes to a worker in rotation; a call that never reached its worker is always
 * tried on another one, a call that did only when its function is idempotent. One deadline covers every try.
 */
final class ForwardedCall {
    static final String DRAINING = "X-Clusterdeck-Draining";

    private final Forwarder gateway;
    private final HttpServerExchange exchange;
    private final FunctionRoute route;
    private final byte[] body;
    private final String affinity;
    private final String requestId;
    private final long startNanos;
    private final Set<String> tried = new HashSet<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private int retriesLeft;
    private Scheduler.Cancellable deadline;
    private volatile Attempt current;

    ForwardedCall(Forwarder gateway, HttpServerExchange exchange, FunctionRoute route, byte[] body, String affinity) {
        this.gateway = gateway;
        this.exchange = exchange;
        this.route = route;
        this.body = body;
        this.affinity = affinity;
        this.requestId = RequestIds.of(exchange);
        this.startNanos = gateway.clock.nanos();
        this.retriesLeft = gateway.retries();
    }

    void start() {
        deadline = gateway.scheduler.schedule(this::timedOut, gateway.timeoutMs(), TimeUnit.MILLISECONDS);
        attempt(null);
    }

    private synchronized void attempt(String previousFailure) {
        if (done.get()) {
            return;
        }
        var candidates = gateway.registry.candidates(route.segment(), tried);
        if (candidates.isEmpty()) {
            var message = tried.isEmpty()
                    ? "no healthy worker in segment '" + route.segment() + "' for '" + route.name() + "'"
                    : "no other healthy worker in segment '" + route.segment() + "' after " + previousFailure;
            gateway.registry.publish(EventType.NO_WORKER, null, route.segment(), message);
            fail(ServiceException.unavailable("no_worker", message), null);
            return;
        }
        var worker = gateway.balancer(route.segment()).pick(candidates, affinity);
        tried.add(worker.name());
        var attempt = new Attempt(worker);
        current = attempt;
        long hop = LatencySampler.sampleNanos(gateway.hopLatency());
        if (hop >= 10_000) {
            gateway.scheduler.schedule(attempt::send, hop, TimeUnit.NANOSECONDS);
        } else {
            attempt.send();
        }
    }

    private long remainingMs() {
        return gateway.timeoutMs() - (gateway.clock.nanos() - startNanos) / 1_000_000;
    }

    private void timedOut() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        var attempt = current;
        var worker = attempt == null ? null : attempt.worker;
        var message = "'" + route.name() + "' got no answer within " + gateway.timeoutMs() + " ms"
                + (worker == null ? "" : " (last tried " + worker.name() + ")");
        gateway.registry.publish(EventType.TIMED_OUT, worker, message);
        if (attempt != null) {
            attempt.cancel();
        }
        answerError(ServiceException.timedOut(message), worker);
    }

    private void fail(ServiceException error, WorkerEntry worker) {
        if (done.compareAndSet(false, true)) {
            deadline.cancel();
            answerError(error, worker);
        }
    }

    private void answerError(ServiceException error, WorkerEntry worker) {
        gateway.metrics.recordCall(route.name(), worker == null ? null : worker.name(), error.status(), elapsed());
        Responses.later(exchange, () -> Responses.error(exchange, error));
    }

    private void relay(WorkerEntry worker, HttpResponse<byte[]> response) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        deadline.cancel();
        gateway.metrics.recordCall(route.name(), worker.name(), response.statusCode(), elapsed());
        var servedBy = response.headers().firstValue(Headers.WORKER.toString()).orElse(worker.name());
        var type = response.headers().firstValue("Content-Type").orElse("application/json");
        Responses.later(exchange, () -> {
            exchange.setStatusCode(response.statusCode());
            exchange.getResponseHeaders().put(Headers.WORKER, servedBy);
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, type);
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(response.body()));
        });
    }

    private long elapsed() {
        return gateway.clock.nanos() - startNanos;
    }

    /** One try on one worker. */
    private final class Attempt {
        private final WorkerEntry worker;
        private final AtomicBoolean over = new AtomicBoolean();
        private volatile CompletableFuture<HttpResponse<byte[]>> future;
        private final Runnable abort = this::workerTurnedUnhealthy;
        private long sentNanos;

        Attempt(WorkerEntry worker) {
            this.worker = worker;
        }

        void send() {
            if (done.get()) {
                return;
            }
            long remaining = remainingMs();
            if (remaining <= 0) {
                return;
            }
            worker.started();
            sentNanos = gateway.clock.nanos();
            if (route.idempotent()) {
                worker.abortable().add(abort);
            }
            var headers = Map.of(
                    "Content-Type", "application/json",
                    "Authorization", gateway.tokens.authorization(null),
                    Headers.REQUEST_ID.toString(), requestId);
            future = gateway.client.send("POST", worker.url() + "/rpc/" + route.name(), body, headers,
                    Duration.ofMillis(remaining));
            future.whenComplete(this::completed);
        }

        void cancel() {
            if (over.compareAndSet(false, true)) {
                worker.abortable().remove(abort);
                var running = future;
                if (running != null) {
                    worker.failed();
                    running.cancel(true);
                }
            }
        }

        private void completed(HttpResponse<byte[]> response, Throwable failure) {
            if (!over.compareAndSet(false, true)) {
                return;
            }
            worker.abortable().remove(abort);
            if (failure == null && response.statusCode() == 503 && response.headers().firstValue(DRAINING).isPresent()) {
                worker.failed();
                retry("its worker " + worker.name() + " is stopping", false);
                return;
            }
            if (failure == null) {
                worker.finished(response.statusCode(), gateway.clock.nanos() - sentNanos);
                relay(worker, response);
                return;
            }
            worker.failed();
            if (done.get()) {
                return;
            }
            var why = ClusterClient.describe(failure);
            if (ClusterClient.timedOut(failure)) {
                return;
            }
            gateway.registry.callFailed(worker, why);
            if (ClusterClient.neverReached(failure)) {
                retry(worker.name() + " " + why, false);
            } else if (route.idempotent() && retriesLeft > 0) {
                retry(worker.name() + " " + why, true);
            } else {
                fail(new ServiceException(502, "worker_failed", "the call reached " + worker.name() + ", which failed ("
                        + why + "); '" + route.name() + "' is not idempotent, so it was not retried"), worker);
            }
        }

        private void workerTurnedUnhealthy() {
            if (done.get() || !over.compareAndSet(false, true)) {
                return;
            }
            worker.abortable().remove(abort);
            worker.failed();
            var running = future;
            if (running != null) {
                running.cancel(true);
            }
            if (retriesLeft > 0) {
                retry(worker.name() + " turned unhealthy", true);
            } else {
                fail(ServiceException.unavailable("no_worker", worker.name() + " turned unhealthy during the call"), worker);
            }
        }

        private void retry(String why, boolean countsAsRetry) {
            synchronized (ForwardedCall.this) {
                if (countsAsRetry) {
                    retriesLeft--;
                }
            }
            gateway.registry.publish(EventType.RETRIED, worker, "'" + route.name() + "' retried elsewhere: " + why);
            attempt(why);
        }
    }
}
