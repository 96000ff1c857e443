package io.clusterdeck.app.designer;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.Function;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads the functions of a bundle jar from its annotated methods. */
public interface BundleImporter {
    /** Offers nothing, for a designer that imports no bundles (the tests); the app scans with {@link ScannedBundles}. */
    BundleImporter UNAVAILABLE = new BundleImporter() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Imported scan(Path jar, Path designFolder) throws IOException {
            throw new IOException("importing bundles is not available yet");
        }
    };

    /** A bundle and the functions found in it. */
    record Imported(Bundle bundle, List<Function> functions) {
        public Imported {
            functions = List.copyOf(functions);
        }
    }

    boolean available();

    /**
     * Reads a jar's functions.
     *
     * @param designFolder the folder of the design being edited (bundle paths are relative to it), or null
     */
    Imported scan(Path jar, Path designFolder) throws IOException;
}
