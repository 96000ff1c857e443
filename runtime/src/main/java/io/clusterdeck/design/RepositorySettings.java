package io.clusterdeck.design;

/**
 * The repository's static assets.
 *
 * @param assets a folder relative to the design file's folder, or absent for none
 */
public record RepositorySettings(String assets) {
    public static final RepositorySettings DEFAULT = new RepositorySettings(null);
}
