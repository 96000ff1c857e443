package io.clusterdeck.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The runtime image's Dockerfile, as the product ships it. */
final class Dockerfile {
    private static final String RESOURCE = "Dockerfile";

    private Dockerfile() {
    }

    static String text() {
        try (var in = Dockerfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the runtime image's Dockerfile is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
