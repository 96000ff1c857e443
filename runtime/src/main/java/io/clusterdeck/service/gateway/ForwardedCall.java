package io.clusterdeck.service.gateway;

import io.clusterdeck.event.EventType;
import io.clusterdeck.http.BodySink;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.ClientCall;
import io.clusterdeck.http.Deadlines;
import io.clusterdeck.http.ExchangeRelay;
import io.clusterdeck.http.Failure;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.RequestIds;
import io.clusterdeck.http.ResponseHandler;
import io.clusterdeck.http.ResponseHead;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.service.LatencySampler;
import io.clusterdeck.service.worker.FunctionEndpoint;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/**
 * One call through the gateway, from start to end on the I/O thread that took it. It goes to a worker in
 * rotation; a call that never reached its worker is always tried on another one, a call that did only when its
 * function is idempotent. One deadline covers every try.
 */
final class ForwardedCall {
    private static final HttpString CONTENT_TYPE = Headers.CONTENT_TYPE;

    private final Forwarder gateway;
    private final HttpServerExchange exchange;
    private final XnioIoThread thread;
    private final RpcRoute route;
    private final byte[] body;
    private final byte[] headers;
    private final String affinity;
    private final String requestId;
    private final long startNanos;
    private Set<String> tried;
    private boolean done;
    private boolean held;
    private int retriesLeft;
    private Deadlines.Deadline deadline;
    private Attempt current;

    ForwardedCall(Forwarder gateway, HttpServerExchange exchange, RpcRoute route, byte[] body, byte[] headers,
                  String affinity) {
        this.gateway = gateway;
        this.exchange = exchange;
        this.thread = exchange.getIoThread();
        this.route = route;
        this.body = body;
        this.headers = headers;
        this.affinity = affinity;
        this.requestId = RequestIds.of(exchange);
        this.startNanos = System.nanoTime();
        this.retriesLeft = gateway.retries();
    }

    void start() {
        deadline = gateway.deadlines.start(thread, this::timedOut);
        attempt(null);
    }

    private void attempt(String previousFailure) {
        if (done) {
            return;
        }
        var candidates = tried == null ? gateway.registry.inRotation(route.segment())
                : gateway.registry.candidates(route.segment(), tried);
        if (candidates.isEmpty()) {
            if (tried == null && !held && gateway.registry.holdUntilAWorkerJoins(route.segment(), thread, () -> attempt(null))) {
                held = true; // once: a call that still finds none after the hold fails
                return;
            }
            var message = tried == null
                    ? "no healthy worker in segment '" + route.segment() + "' for '" + route.name() + "'"
                    : "no other healthy worker in segment '" + route.segment() + "' after " + previousFailure;
            gateway.registry.publish(EventType.NO_WORKER, null, route.segment(), message);
            fail(ServiceException.unavailable("no_worker", message), null);
            return;
        }
        var attempt = new Attempt(gateway.balancer(route.segment()).pick(candidates, affinity));
        current = attempt;
        long hop = LatencySampler.sampleNanos(gateway.hopLatency());
        if (hop >= 10_000) {
            gateway.scheduler.schedule(() -> thread.execute(attempt::send), hop, TimeUnit.NANOSECONDS);
        } else {
            attempt.send();
        }
    }

    private void timedOut() {
        if (done) {
            return;
        }
        done = true;
        var attempt = current;
        if (attempt == null && held) {
            // Held for a worker that did not come in time: no worker is the truth, not a slow one.
            var message = "no worker of segment '" + route.segment() + "' registered within " + gateway.timeoutMs()
                    + " ms for '" + route.name() + "'";
            gateway.registry.publish(EventType.NO_WORKER, null, route.segment(), message);
            answerError(ServiceException.unavailable("no_worker", message), null);
            return;
        }
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
        if (!done) {
            done = true;
            deadline.cancel();
            answerError(error, worker);
        }
    }

    private void answerError(ServiceException error, WorkerEntry worker) {
        (worker == null ? gateway.unserved(route) : worker.stats(route)).record(error.status(), System.nanoTime() - startNanos);
        Responses.error(exchange, error);
    }

    private void retry(WorkerEntry worker, String why, boolean countsAsRetry) {
        if (countsAsRetry) {
            retriesLeft--;
        }
        if (tried == null) {
            tried = new HashSet<>(4);
        }
        tried.add(worker.name());
        gateway.registry.publish(EventType.RETRIED, worker, "'" + route.name() + "' retried elsewhere: " + why);
        attempt(why);
    }

    /** One try on one worker. */
    private final class Attempt implements ResponseHandler {
        private final WorkerEntry worker;
        private ClientCall call;
        private long sentNanos;

        Attempt(WorkerEntry worker) {
            this.worker = worker;
        }

        void send() {
            if (done || System.nanoTime() - startNanos >= TimeUnit.MILLISECONDS.toNanos(gateway.timeoutMs())) {
                return;
            }
            worker.started();
            sentNanos = System.nanoTime();
            var request = new OutboundRequest(route.requestLine(), headers, requestId, body);
            call = gateway.client.send(worker.upstream(), request, thread, this);
        }

        void cancel() {
            if (call != null && !call.over()) {
                call.cancel();
                worker.failed();
            }
        }

        @Override
        public BodySink onResponse(ResponseHead head) {
            if (head.status() == 503 && head.header(ClusterHeaders.DRAINING_NAME) != null) {
                worker.failed();
                retry(worker, "its worker " + worker.name() + " is stopping", false);
                return null;
            }
            long now = System.nanoTime();
            worker.finished(head.status(), now - sentNanos);
            if (done) {
                return null;
            }
            done = true;
            deadline.cancel();
            worker.stats(route).record(head.status(), now - startNanos);
            ExchangeRelay.copyHead(exchange, head);
            var servedBy = head.header(ClusterHeaders.WORKER_NAME);
            var type = head.header("Content-Type");
            exchange.getResponseHeaders().put(ClusterHeaders.WORKER, servedBy != null ? servedBy : worker.name());
            exchange.getResponseHeaders().put(CONTENT_TYPE, type != null ? type : "application/json");
            return new ExchangeRelay(exchange, broken -> cancel());
        }

        @Override
        public void onFailure(Failure failure, IOException cause) {
            if (failure == Failure.CUT) {
                // The answer had begun to reach the client: it cannot be retried, only cut short.
                IoUtils.safeClose(exchange.getConnection());
                return;
            }
            worker.failed();
            if (done) {
                return;
            }
            var why = CallException.describe(cause);
            gateway.registry.callFailed(worker, why);
            if (failure == Failure.NOT_SENT) {
                retry(worker, worker.name() + " " + why, false);
            } else if (route.idempotent() && retriesLeft > 0) {
                retry(worker, worker.name() + " " + why, true);
            } else {
                var notRetried = route.idempotent() ? "no retry was left"
                        : "'" + route.name() + "' is not idempotent, so it was not retried";
                fail(new ServiceException(502, "worker_failed", "the call reached " + worker.name() + ", which failed ("
                        + why + "); " + notRetried), worker);
            }
        }

        @Override
        public void onUpstreamDown() {
            if (done || !route.idempotent() || call == null || call.over()) {
                return;
            }
            call.cancel();
            worker.failed();
            if (retriesLeft > 0) {
                retry(worker, worker.name() + " turned unhealthy", true);
            } else {
                fail(ServiceException.unavailable("no_worker", worker.name() + " turned unhealthy during the call"), worker);
            }
        }
    }
}
