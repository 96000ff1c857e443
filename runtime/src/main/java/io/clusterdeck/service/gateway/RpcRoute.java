package io.clusterdeck.service.gateway;

import io.clusterdeck.design.Access;
import io.clusterdeck.http.OutboundRequest;
import io.clusterdeck.plan.FunctionRoute;
import io.clusterdeck.protocol.Paths;

/** A function as the gateway forwards it: its route, its place in per-worker tables, and its request line. */
final class RpcRoute {
    private final FunctionRoute route;
    private final int index;
    private final byte[] requestLine;

    RpcRoute(FunctionRoute route, int index) {
        this.route = route;
        this.index = index;
        this.requestLine = OutboundRequest.requestLine("POST", Paths.RPC + route.name());
    }

    FunctionRoute route() {
        return route;
    }

    String name() {
        return route.name();
    }

    String segment() {
        return route.segment();
    }

    Access access() {
        return route.access();
    }

    boolean idempotent() {
        return route.idempotent();
    }

    int index() {
        return index;
    }

    byte[] requestLine() {
        return requestLine;
    }
}
