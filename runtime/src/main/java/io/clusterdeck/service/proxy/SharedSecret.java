package io.clusterdeck.service.proxy;

import io.clusterdeck.design.AuthSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The HS256 secret end users' tokens are signed with: the trimmed text of a file or of an environment variable. */
public final class SharedSecret {
    private SharedSecret() {
    }

    /** The secret of settings whose {@code secretFile} is an absolute path, or which name an environment variable. */
    public static byte[] of(AuthSettings settings, Map<String, String> environment) {
        return settings.secretEnv() != null ? fromEnvironment(settings.secretEnv(), environment)
                : fromFile(Path.of(settings.secretFile()));
    }

    public static byte[] fromEnvironment(String variable, Map<String, String> environment) {
        var text = environment.get(variable);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the environment variable " + variable + " that should hold the HS256"
                    + " secret is not set");
        }
        return text.strip().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] fromFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the HS256 secret file " + file + ": " + e.getMessage(), e);
        }
    }
}
