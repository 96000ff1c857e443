package io.clusterdeck.protocol;

/** The paths the runtime services answer on, for both the services and their callers. */
public final class Paths {
    /** {@code POST /rpc/{function}}: a call of a function (every service that takes calls). */
    public static final String RPC = "/rpc/";
    /** {@code GET /health}: whether the service is up (every service). */
    public static final String HEALTH = "/health";
    /** {@code GET /metrics}: Prometheus text (every service). */
    public static final String METRICS = "/metrics";
    /** {@code POST /workers}, {@code DELETE /workers/{name}}: a worker registers with a gateway, and says goodbye. */
    public static final String WORKERS = "/workers";
    /** {@code GET /cluster}: a gateway's view of its workers ({@link ClusterState}). */
    public static final String CLUSTER = "/cluster";
    /** {@code GET /events}: a gateway's events as Server-Sent Events. */
    public static final String EVENTS = "/events";
    /** {@code GET /profile}: a worker's running totals for profiles. */
    public static final String PROFILE = "/profile";
    /** {@code POST /admin/health}: sets a worker's health flag ({@code {"healthy": true|false}}). */
    public static final String ADMIN_HEALTH = "/admin/health";
    /** {@code POST /admin/latency}: adds latency to a worker's calls ({@code {"addedMs": n}}). */
    public static final String ADMIN_LATENCY = "/admin/latency";
    /** {@code POST /admin/register}: a worker registers again with every gateway now. */
    public static final String ADMIN_REGISTER = "/admin/register";

    /** A running launch's control channel: its processes, design, workers' figures, faults, scaling and logs. */
    public static final String CONTROL_PROCESSES = "/processes";
    public static final String CONTROL_DESIGN = "/design";
    /** {@code POST /faults/{action}/{process}?ms=N}. */
    public static final String CONTROL_FAULTS = "/faults/";
    /** {@code POST /scale/{segment}/{workers}}. */
    public static final String CONTROL_SCALE = "/scale/";
    /** {@code GET /logs/{process}?lines=N}. */
    public static final String CONTROL_LOGS = "/logs/";

    private Paths() {
    }

    /** {@code /rpc/orders/checkout} for {@code orders/checkout}. */
    public static String rpc(String function) {
        return RPC + function;
    }

    /** The function a {@code /rpc/} path names, or the empty string for any other path. */
    public static String functionOf(String path) {
        return path.startsWith(RPC) ? path.substring(RPC.length()) : "";
    }
}
