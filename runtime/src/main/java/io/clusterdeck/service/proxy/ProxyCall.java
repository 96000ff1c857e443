package io.clusterdeck.service.proxy;

import io.clusterdeck.http.BodySink;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.Deadlines;
import io.clusterdeck.http.ClientCall;
import io.clusterdeck.http.ExchangeRelay;
import io.clusterdeck.http.Failure;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.ResponseHandler;
import io.clusterdeck.http.ResponseHead;
import io.clusterdeck.http.Upstream;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.service.CallStats;
import io.clusterdeck.service.Headers;
import io.clusterdeck.service.Responses;
import io.clusterdeck.service.ServiceException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import org.xnio.IoUtils;

/**
 * One call the proxy forwards, from start to end on the I/O thread that took it, its answer relayed as it comes.
 * A call its upstream never received (refused: a gateway restarting) waits in the {@link WaitingRoom} and is sent
 * again, backing off, until the upstream takes it or the deadline passes; so does an idempotent call whose answer
 * never came. So a gateway that restarts within a call's deadline loses no call.
 */
final class ProxyCall implements ResponseHandler {

    private final HttpServerExchange exchange;
    private final UpstreamClient client;
    private final Upstream upstream;
    private final OutboundRequest request;
    private final CallStats stats;
    private final HttpString[] copied;
    private final Deadlines deadlines;
    private final long startedNanos;
    private final boolean idempotent;
    private final WaitingRoom waitingRoom;
    private ClientCall call;
    private Deadlines.Deadline deadline;
    private boolean done;
    private boolean waiting;
    private int tries;

    /**
     * @param idempotent whether the call may be sent again when it may have reached the upstream
     * @param waitingRoom where it waits while the upstream cannot be reached
     */
    ProxyCall(HttpServerExchange exchange, UpstreamClient client, Upstream upstream, OutboundRequest request,
              CallStats stats, HttpString[] copied, Deadlines deadlines, long startedNanos, boolean idempotent,
              WaitingRoom waitingRoom) {
        this.exchange = exchange;
        this.client = client;
        this.upstream = upstream;
        this.request = request;
        this.stats = stats;
        this.copied = copied;
        this.deadlines = deadlines;
        this.startedNanos = startedNanos;
        this.idempotent = idempotent;
        this.waitingRoom = waitingRoom;
    }

    void start() {
        deadline = deadlines.start(exchange.getIoThread(), this::timedOut);
        send();
    }

    private void send() {
        if (!done) {
            tries++;
            call = client.send(upstream, request, exchange.getIoThread(), this);
        }
    }

    @Override
    public BodySink onResponse(ResponseHead head) {
        if (done) {
            return null;
        }
        finish();
        stats.record(head.status(), System.nanoTime() - startedNanos);
        ExchangeRelay.copyHead(exchange, head, copied);
        var servedBy = head.header(Headers.WORKER_NAME);
        if (servedBy != null) {
            exchange.getResponseHeaders().put(Headers.WORKER, servedBy);
        }
        return new ExchangeRelay(exchange, broken -> call.cancel());
    }

    @Override
    public void onFailure(Failure failure, IOException cause) {
        if (failure == Failure.CUT) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        var why = "cannot reach " + upstream + ": " + CallException.describe(cause);
        if (failure == Failure.NOT_SENT || (failure == Failure.NO_RESPONSE && idempotent)) {
            sendAgainLater(why);
        } else {
            answer(ServiceException.unavailable("upstream_unavailable", why));
        }
    }

    /** Waits, backing off, and sends again, within the deadline and while the waiting room has a place. */
    private void sendAgainLater(String why) {
        if (done) {
            return;
        }
        long waitMs = CallException.resendWaitMs(tries);
        if (deadline.remainingMillis() <= waitMs) {
            answer(ServiceException.unavailable("upstream_unavailable", why + " (" + tries + " tries)"));
            return;
        }
        if (!waiting) {
            if (!waitingRoom.enter()) {
                exchange.getResponseHeaders().put(io.undertow.util.Headers.RETRY_AFTER, "1");
                answer(ServiceException.unavailable("upstream_unavailable", why + "; too many calls wait for it already"));
                return;
            }
            waiting = true;
        }
        exchange.getIoThread().executeAfter(this::send, waitMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void timedOut() {
        if (!done) {
            if (call != null) {
                call.cancel();
            }
            answer(ServiceException.timedOut("no answer within " + deadlines.lengthMillis() + " ms"));
        }
    }

    private void answer(ServiceException error) {
        if (done) {
            return;
        }
        finish();
        stats.record(error.status(), System.nanoTime() - startedNanos);
        Responses.error(exchange, error);
    }

    private void finish() {
        done = true;
        deadline.cancel();
        if (waiting) {
            waiting = false;
            waitingRoom.leave();
        }
    }
}
