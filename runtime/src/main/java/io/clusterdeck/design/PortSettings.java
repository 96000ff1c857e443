package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * Where ports are taken from: the proxy gets {@code base}, the gateway {@code base + 1}, the repository
 * {@code base + 2}, and workers {@code base + 10} onwards.
 */
public record PortSettings(Integer base) {
    public static final PortSettings DEFAULT = new PortSettings(null);
    public static final int FIRST_WORKER_OFFSET = 10;

    public PortSettings {
        base = base == null ? 7400 : base;
        new Checks().between("base", base, 1024, 65_000).throwIfAny();
    }
}
