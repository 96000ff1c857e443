package io.clusterdeck.design;

/**
 * Simulated network: a latency the gateway adds to every hop it forwards, so that the cost of a segmentation
 * can be measured on one machine.
 */
public record NetworkSettings(Latency hopLatency) {
    public static final NetworkSettings DEFAULT = new NetworkSettings(null);
}
