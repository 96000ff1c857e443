package io.clusterdeck.protocol;

import io.undertow.util.HttpString;

/** The headers every Clusterdeck service speaks. */
public final class ClusterHeaders {
    /** Names the worker that served a call; set on every response that a worker produced. */
    public static final HttpString WORKER = new HttpString("X-Clusterdeck-Worker");
    public static final String WORKER_NAME = WORKER.toString();
    /** Follows one call through every hop; made by the first service that sees a call without one. */
    public static final HttpString REQUEST_ID = new HttpString("X-Request-Id");
    /** Sticky balancing: calls with the same affinity key go to the same worker while it is healthy. */
    public static final HttpString AFFINITY = new HttpString("X-Clusterdeck-Affinity");
    /** A draining worker's 503 carries it: the call never ran, so the gateway sends it to another worker. */
    public static final HttpString DRAINING = new HttpString("X-Clusterdeck-Draining");
    public static final String DRAINING_NAME = DRAINING.toString();
    /** The SHA-256 of a bundle the repository serves, which the fetching worker checks. */
    public static final HttpString SHA256 = new HttpString("X-Clusterdeck-Sha256");
    /** The launcher's control channel: the token from {@code launcher.json} that lets a command reach a launch. */
    public static final String CONTROL_TOKEN = "X-Clusterdeck-Control";
    /** Names the gateway on each of its health checks: a worker that stops hearing from it registers again. */
    public static final HttpString CHECKED_BY = new HttpString("X-Clusterdeck-Gateway");

    private ClusterHeaders() {
    }
}
