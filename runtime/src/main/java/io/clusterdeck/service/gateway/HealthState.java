package io.clusterdeck.service.gateway;

import java.util.Locale;

/** Where a registered worker stands with the gateway. Only {@link #HEALTHY} workers get calls. */
public enum HealthState {
    /** Registered, waiting for its first health check. */
    STARTING,
    HEALTHY,
    /** A call to it failed to connect or was reset; a passing health check clears it. */
    SUSPECT,
    /** It failed its health checks in a row, or reported itself DOWN. */
    UNHEALTHY;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
