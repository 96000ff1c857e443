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

/** One call the proxy forwards, from start to end on the I/O thread that took it, its answer relayed as it comes. */
final class ProxyCall implements ResponseHandler {
    private final HttpServerExchange exchange;
    private final UpstreamClient client;
    private final Upstream upstream;
    private final OutboundRequest request;
    private final CallStats stats;
    private final HttpString[] copied;
    private final Deadlines deadlines;
    private final long startedNanos;
    private ClientCall call;
    private Deadlines.Deadline deadline;
    private boolean done;

    ProxyCall(HttpServerExchange exchange, UpstreamClient client, Upstream upstream, OutboundRequest request,
              CallStats stats, HttpString[] copied, Deadlines deadlines, long startedNanos) {
        this.exchange = exchange;
        this.client = client;
        this.upstream = upstream;
        this.request = request;
        this.stats = stats;
        this.copied = copied;
        this.deadlines = deadlines;
        this.startedNanos = startedNanos;
    }

    void start() {
        var thread = exchange.getIoThread();
        deadline = deadlines.start(thread, this::timedOut);
        call = client.send(upstream, request, thread, this);
    }

    @Override
    public BodySink onResponse(ResponseHead head) {
        if (done) {
            return null;
        }
        done = true;
        deadline.cancel();
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
        answer(ServiceException.unavailable("upstream_unavailable", "cannot reach " + upstream + ": "
                + CallException.describe(cause)));
    }

    private void timedOut() {
        if (!done) {
            call.cancel();
            answer(ServiceException.timedOut("no answer within " + deadlines.lengthMillis() + " ms"));
        }
    }

    private void answer(ServiceException error) {
        if (done) {
            return;
        }
        done = true;
        deadline.cancel();
        stats.record(error.status(), System.nanoTime() - startedNanos);
        Responses.error(exchange, error);
    }
}
