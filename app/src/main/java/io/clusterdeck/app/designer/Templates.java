package io.clusterdeck.app.designer;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Designs a new file starts from. */
public final class Templates {
    private Templates() {
    }

    /** Two small segments with a call between them: enough to see every part of the designer. */
    public static Design starter() {
        try (InputStream in = Templates.class.getResourceAsStream("starter.json")) {
            if (in == null) {
                throw new IllegalStateException("the starter template is missing from the app");
            }
            return DesignFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "starter.json").orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
