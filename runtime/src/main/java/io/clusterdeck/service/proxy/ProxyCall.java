package io.clusterdeck.service.proxy;

import io.clusterdeck.http.BodySink;
import io.clusterdeck.http.CallException;
import io.clusterdeck.http.CallStats;
import io.clusterdeck.http.ClientCall;
import io.clusterdeck.http.Deadlines;
import io.clusterdeck.http.ExchangeRelay;
import io.clusterdeck.http.Failure;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.http.ResponseHandler;
import io.clusterdeck.http.ResponseHead;
import io.clusterdeck.http.Responses;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.http.UpstreamClient;
import io.clusterdeck.protocol.ClusterHeaders;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * One call the proxy forwards, from start to end on the I/O thread that took it, its answer relayed as it comes.
 *
 * <p>A call its upstream never received (refused: a gateway restarting) goes to another member of the pool at once
 * when one is up, else waits in the {@link WaitingRoom} and is sent again, backing off, until an upstream takes it
 * or the deadline passes; so does an idempotent call whose answer never came. So a gateway that restarts within a
 * call's deadline loses no call. With several gateways, an idempotent call that has no answer within the try timeout
 * is sent to another gateway that is up as well, once, budget allowing ({@link UpstreamPool#mayHedge}), and the first
 * answer wins; once the pool's health checks take a hanging gateway out, its idempotent calls in flight go elsewhere
 * at once. So a paused gateway holds no idempotent call much longer than the try timeout and one more try.
 */
final class ProxyCall {

    private final HttpServerExchange exchange;
    private final UpstreamClient client;
    private final UpstreamPool pool;
    private final OutboundRequest request;
    private final CallStats stats;
    private final HttpString[] copied;
    private final Deadlines deadlines;
    private final Deadlines tryDeadlines;
    private final long startedNanos;
    private final boolean idempotent;
    private final WaitingRoom waitingRoom;
    private Deadlines.Deadline deadline;
    private Try current;
    private Try other;
    private boolean done;
    private boolean waiting;
    private boolean hedged;
    private int tries;

    /**
     * @param tryDeadlines how long one try of an idempotent call may go unanswered before another member gets it
     *                     too, or null for never
     * @param idempotent   whether the call may be sent again when it may have reached the upstream
     * @param waitingRoom  where it waits while no upstream can be reached
     */
    ProxyCall(HttpServerExchange exchange, UpstreamClient client, UpstreamPool pool, OutboundRequest request,
              CallStats stats, HttpString[] copied, Deadlines deadlines, Deadlines tryDeadlines, long startedNanos,
              boolean idempotent, WaitingRoom waitingRoom) {
        this.exchange = exchange;
        this.client = client;
        this.pool = pool;
        this.request = request;
        this.stats = stats;
        this.copied = copied;
        this.deadlines = deadlines;
        this.tryDeadlines = idempotent && pool.size() > 1 ? tryDeadlines : null;
        this.startedNanos = startedNanos;
        this.idempotent = idempotent;
        this.waitingRoom = waitingRoom;
    }

    void start() {
        deadline = deadlines.start(exchange.getIoThread(), this::timedOut);
        if (tryDeadlines != null) {
            pool.called();
        }
        send(null);
    }

    /** Sends a new try, which becomes the current one (a failure may be heard before this returns). */
    private void send(UpstreamPool.Member avoid) {
        tries++;
        var attempt = new Try(pool.pick(avoid));
        current = attempt;
        var call = client.send(attempt.member.upstream(), request, exchange.getIoThread(), attempt);
        attempt.call = call;
        if (tryDeadlines != null && !hedged && !call.over()) {
            attempt.timer = tryDeadlines.start(exchange.getIoThread(), () -> tryTimedOut(attempt));
        }
    }

    /**
     * The try had no answer in time: another member that is up gets the call as well, once, budget allowing; the
     * first answer wins.
     */
    private void tryTimedOut(Try late) {
        if (done || hedged || late.call.over() || !pool.mayHedge(late.member)) {
            return;
        }
        hedged = true;
        other = late;
        send(late.member);
    }

    /** One try of the call on one member of the pool. */
    private final class Try implements ResponseHandler {
        final UpstreamPool.Member member;
        ClientCall call;
        Deadlines.Deadline timer;

        Try(UpstreamPool.Member member) {
            this.member = member;
        }

        @Override
        public BodySink onResponse(ResponseHead head) {
            if (done) {
                return null;
            }
            finish();
            cancelOthers(this);
            stats.record(head.status(), System.nanoTime() - startedNanos);
            ExchangeRelay.copyHead(exchange, head, copied);
            var servedBy = head.header(ClusterHeaders.WORKER_NAME);
            if (servedBy != null) {
                exchange.getResponseHeaders().put(ClusterHeaders.WORKER, servedBy);
            }
            return new ExchangeRelay(exchange, broken -> call.cancel());
        }

        @Override
        public void onFailure(Failure failure, IOException cause) {
            stopTimer();
            if (failure == Failure.CUT) {
                IoUtils.safeClose(exchange.getConnection());
                return;
            }
            var why = "cannot reach " + member + ": " + CallException.describe(cause);
            if (failure == Failure.NOT_SENT) {
                pool.unreachable(member, CallException.describe(cause));
            }
            if (done || stillTrying(this)) {
                return;
            }
            if (failure == Failure.NOT_SENT || (failure == Failure.NO_RESPONSE && idempotent)) {
                sendAgain(member, why);
            } else {
                answer(ServiceException.unavailable("upstream_unavailable", why));
            }
        }

        /** The member went out of rotation during the call: an idempotent call goes elsewhere now. */
        @Override
        public void onUpstreamDown() {
            if (done || !idempotent || call == null || call.over() || stillTrying(this)) {
                return;
            }
            call.cancel();
            stopTimer();
            sendAgain(member, member + " went out of rotation during the call");
        }

        void stopTimer() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }
    }

    /** Whether a try other than {@code failed} is still under way, so the call goes on with it. */
    private boolean stillTrying(Try failed) {
        var alive = failed == current ? other : current;
        if (alive != null && alive != failed && alive.call != null && !alive.call.over()) {
            current = alive;
            other = null;
            return true;
        }
        return false;
    }

    private void cancelOthers(Try winner) {
        for (var attempt : new Try[] {current, other}) {
            if (attempt != null && attempt != winner && attempt.call != null) {
                attempt.call.cancel();
            }
            if (attempt != null) {
                attempt.stopTimer();
            }
        }
        other = null;
    }

    /**
     * Sends the call again: at once to another member that is up, else after a wait, backing off, within the
     * deadline and while the waiting room has a place.
     */
    private void sendAgain(UpstreamPool.Member last, String why) {
        if (done) {
            return;
        }
        if (pool.size() > 1 && pool.members().stream().anyMatch(m -> m.up() && m != last)) {
            send(last);
            return;
        }
        long waitMs = CallException.resendWaitMs(tries);
        if (deadline.remainingMillis() <= waitMs) {
            answer(ServiceException.unavailable("upstream_unavailable", why + " (" + tries + " tries)"));
            return;
        }
        if (!waiting) {
            if (!waitingRoom.enter()) {
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
                answer(ServiceException.unavailable("upstream_unavailable", why + "; too many calls wait for it already"));
                return;
            }
            waiting = true;
        }
        exchange.getIoThread().executeAfter(() -> {
            if (!done) {
                send(null);
            }
        }, waitMs, TimeUnit.MILLISECONDS);
    }

    private void timedOut() {
        if (!done) {
            cancelOthers(null);
            answer(ServiceException.timedOut("no answer within " + deadlines.lengthMillis() + " ms"));
        }
    }

    private void answer(ServiceException error) {
        if (done) {
            return;
        }
        finish();
        cancelOthers(null);
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
