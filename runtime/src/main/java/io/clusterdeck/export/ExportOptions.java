package io.clusterdeck.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Choices an export needs besides the design.
 *
 * @param cores          how many workers a segment with {@code "workers": "cores"} gets (an export does not know the
 *                       machines it will run on)
 * @param image          the runtime image containers run (Compose builds it under this name)
 * @param clusterKeyFile runtime target only: the key file the configs name, or null to read the key from
 *                       {@code CLUSTERDECK_CLUSTER_KEY}
 * @param runtimeJar     the runtime's {@code clusterdeck.jar}, which a Compose export copies in to build its image
 *                       from, or null when there is none at hand (the README then asks for it)
 */
public record ExportOptions(int cores, String image, String clusterKeyFile, Path runtimeJar) {
    /** Workers for a {@code "cores"} segment by default: two, so that one can fail over to the other. */
    public static final int DEFAULT_CORES = 2;
    public static final String DEFAULT_IMAGE = "clusterdeck:latest";
    /** The defaults, with the jar this Clusterdeck runs from, when it runs from one (the installed one does). */
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

    /** Options with the jar this Clusterdeck runs from, when it runs from one. */
    public ExportOptions(int cores, String image, String clusterKeyFile) {
        this(cores, image, clusterKeyFile, RuntimeJar.find().orElse(null));
    }

    public ExportOptions withCores(int newCores) {
        return new ExportOptions(newCores, image, clusterKeyFile, runtimeJar);
    }

    public ExportOptions withImage(String newImage) {
        return new ExportOptions(cores, newImage, clusterKeyFile, runtimeJar);
    }

    public ExportOptions withClusterKeyFile(String newClusterKeyFile) {
        return new ExportOptions(cores, image, newClusterKeyFile, runtimeJar);
    }

    public ExportOptions withRuntimeJar(Path newRuntimeJar) {
        return new ExportOptions(cores, image, clusterKeyFile, newRuntimeJar);
    }
}
