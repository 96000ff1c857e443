package io.clusterdeck.protocol;

/** The launcher's requests to a worker's {@code /admin/...} endpoints, and the worker's answers (the same bodies). */
public final class AdminRequests {
    private AdminRequests() {
    }

    /** {@code POST /admin/health}: the worker's health flag; an unhealthy worker leaves every gateway's rotation. */
    public record HealthFlag(Boolean healthy) {
    }

    /** {@code POST /admin/latency}: milliseconds added to every call the worker serves (0 removes it). */
    public record AddedLatency(Long addedMs) {
        public static final long MAX_MS = 60_000;
    }

    /** The answer to {@code POST /admin/register}: whether the worker has gateways to register with again. */
    public record Registering(boolean registering) {
    }
}
