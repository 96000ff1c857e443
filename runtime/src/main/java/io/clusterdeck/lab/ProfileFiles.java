package io.clusterdeck.lab;

import io.clusterdeck.json.DocumentException;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Profiles as JSON files: every problem in a file named with its line and field. */
public final class ProfileFiles {
    private ProfileFiles() {
    }

    /** Reads a profile; a file that is not one throws a {@link DocumentException} listing every problem. */
    public static Profile read(Path file) throws IOException {
        return StrictJson.read(Files.readString(file), file.toString(), Profile.class).orThrow();
    }

    public static void write(Profile profile, Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, StrictJson.write(profile));
    }
}
