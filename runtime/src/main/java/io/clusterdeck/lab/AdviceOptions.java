package io.clusterdeck.lab;

/**
 * What the advice aims for.
 *
 * @param targetUtilisation the share of each worker's CPU the measured load may use, above 0 and at most 1
 * @param coresPerWorker    the CPU cores one worker has in production
 */
public record AdviceOptions(double targetUtilisation, int coresPerWorker) {
    public static final double DEFAULT_TARGET_UTILISATION = 0.6;
    public static final AdviceOptions DEFAULT = new AdviceOptions(DEFAULT_TARGET_UTILISATION, 1);

    public AdviceOptions {
        if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
            throw new IllegalArgumentException("targetUtilisation: must be above 0 and at most 1, was " + targetUtilisation);
        }
        if (coresPerWorker < 1) {
            throw new IllegalArgumentException("coresPerWorker: must be at least 1, was " + coresPerWorker);
        }
    }
}
