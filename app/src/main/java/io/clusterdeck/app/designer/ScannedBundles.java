package io.clusterdeck.app.designer;

import io.clusterdeck.bundle.BundleScanner;
import io.clusterdeck.bundle.Sha256;
import io.clusterdeck.design.Bundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Imports a bundle jar by scanning its annotated methods. The bundle is named after the jar, its path is kept
 * relative to the design's folder when it can be, and its SHA-256 is recorded so workers load exactly this jar.
 */
public final class ScannedBundles implements BundleImporter {
    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Imported scan(Path jar, Path designFolder) throws IOException {
        var name = bundleName(jar);
        var functions = BundleScanner.scan(name, jar);
        return new Imported(new Bundle(name, relative(jar, designFolder), Sha256.of(jar)), functions);
    }

    /** {@code Clusterdeck_Examples-1.0.jar} becomes {@code clusterdeck-examples-1-0}. */
    static String bundleName(Path jar) {
        var base = jar.getFileName().toString().replaceFirst("(?i)\\.jar$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+|-+$", "");
        if (base.isEmpty()) {
            base = "bundle";
        }
        return base.length() > 40 ? base.substring(0, 40).replaceAll("-+$", "") : base;
    }

    private static String relative(Path jar, Path folder) {
        var absolute = jar.toAbsolutePath().normalize();
        if (folder == null) {
            return absolute.toString();
        }
        try {
            return folder.toAbsolutePath().normalize().relativize(absolute).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return absolute.toString();
        }
    }
}
