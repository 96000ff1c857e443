package io.clusterdeck.service;

import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;

/** A routing table whose misses are JSON errors: 404 for an unknown path, 405 for a wrong method. */
public final class Routes {
    private Routes() {
    }

    public static RoutingHandler create() {
        var routes = new RoutingHandler();
        routes.setFallbackHandler(exchange -> {
            throw ServiceException.notFound("nothing at " + exchange.getRequestMethod() + " " + exchange.getRequestPath());
        });
        routes.setInvalidMethodHandler(exchange -> {
            throw ServiceException.methodNotAllowed(exchange.getRequestMethod().toString());
        });
        return routes;
    }

    /**
     * The root of every service's chain: errors, then request ids, then the service's own handlers. Responses name
     * the service in {@code X-Clusterdeck-Worker} unless a worker's answer replaces it.
     */
    public static HttpHandler root(String service, HttpHandler next) {
        var requestIds = new RequestIds(next);
        return new ErrorHandler(exchange -> {
            exchange.getResponseHeaders().put(Headers.WORKER, service);
            requestIds.handleRequest(exchange);
        });
    }
}
