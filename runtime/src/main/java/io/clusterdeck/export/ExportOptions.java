package io.clusterdeck.export;

import java.util.Objects;

/**
 * Choices an export needs besides the design.
 *
 * @param cores          how many workers a segment with {@code "workers": "cores"} gets (an export does not know the
 *                       machines it will run on)
 * @param image          the runtime image containers run (Compose builds it under this name)
 * @param clusterKeyFile runtime target only: the key file the configs name, or null to read the key from
 *                       {@code CLUSTERDECK_CLUSTER_KEY}
 */
public record ExportOptions(int cores, String image, String clusterKeyFile) {
    /** Workers for a {@code "cores"} segment by default: two, so that one can fail over to the other. */
    public static final int DEFAULT_CORES = 2;
    public static final String DEFAULT_IMAGE = "clusterdeck:latest";
    public static final ExportOptions DEFAULT = new ExportOptions(DEFAULT_CORES, DEFAULT_IMAGE, null);

    public ExportOptions {
        Objects.requireNonNull(image, "image");
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, was " + cores);
        }
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("image must be an image reference without spaces, was '" + image + "'");
        }
        if (clusterKeyFile != null && clusterKeyFile.isBlank()) {
            throw new IllegalArgumentException("clusterKeyFile must not be blank");
        }
    }

    public ExportOptions withCores(int newCores) {
        return new ExportOptions(newCores, image, clusterKeyFile);
    }

    public ExportOptions withImage(String newImage) {
        return new ExportOptions(cores, newImage, clusterKeyFile);
    }

    public ExportOptions withClusterKeyFile(String newClusterKeyFile) {
        return new ExportOptions(cores, image, newClusterKeyFile);
    }
}
