package io.clusterdeck.http;

import io.clusterdeck.protocol.ClusterHeaders;
import io.clusterdeck.protocol.Paths;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.util.Locale;

/** A routing table whose misses are JSON errors: 404 for an unknown path, 405 for a wrong method. */
public final class Routes {
    private Routes() {
    }

    /** A routing table in which every GET route also answers HEAD. */
    public static RoutingHandler create() {
        var routes = new RoutingHandler() {
            @Override
            public synchronized RoutingHandler get(String template, HttpHandler handler) {
                super.get(template, handler);
                return add(Methods.HEAD, template, handler);
            }
        };
        routes.setFallbackHandler(exchange -> {
            throw ServiceException.notFound("nothing at " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
        });
        routes.setInvalidMethodHandler(exchange -> {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod().toString());
        });
        return routes;
    }

    /**
     * A service's paths, by Undertow's own path matching: {@code /rpc/*} to {@code rpc}, anything else to
     * {@code rest}; add exact paths to the result.
     */
    public static PathHandler rpcAnd(HttpHandler rpc, HttpHandler rest) {
        return Handlers.path(rest).addPrefixPath(Paths.RPC, rpc);
    }

    /**
     * The root of every service's chain: errors, then framing, then request ids, then the service's own handlers.
     * Responses name the service in {@code X-Clusterdeck-Worker} unless a worker's answer replaces it.
     */
    public static HttpHandler root(String service, HttpHandler next) {
        var requestIds = new RequestIds(next);
        return new ErrorHandler(exchange -> {
            exchange.getResponseHeaders().put(ClusterHeaders.WORKER, service);
            var transfer = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
            if (transfer != null && !endsChunked(transfer)) {
                // A body whose end cannot be found: answer and close, as HTTP/1.1 asks, instead of waiting for it.
                exchange.setPersistent(false);
                throw ServiceException.badRequest("Transfer-Encoding must end with chunked, was '" + transfer.getLast() + "'");
            }
            requestIds.handleRequest(exchange);
        });
    }

    private static boolean endsChunked(HeaderValues transfer) {
        var last = transfer.getLast().trim().toLowerCase(Locale.ROOT);
        return last.equals("chunked") || last.endsWith(",chunked") || last.endsWith(", chunked");
    }
}
