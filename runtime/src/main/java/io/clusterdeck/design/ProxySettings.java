package io.clusterdeck.design;

/** Whether a proxy stands in front: RPC calls of public functions to the gateway, the rest to the repository. */
public record ProxySettings(Boolean enabled) {
    public static final ProxySettings DEFAULT = new ProxySettings(null);

    public ProxySettings {
        enabled = enabled == null || enabled;
    }
}
