package io.clusterdeck.app.workspace;

import java.nio.file.Path;

/**
 * Where the app keeps its own files: recent files and recovery copies. {@code ~/.clusterdeck} unless the system
 * property {@value #HOME_PROPERTY} names another folder.
 */
public record Workspace(Path home) {
    public static final String HOME_PROPERTY = "clusterdeck.home";

    /** The workspace of this user, or of the folder the system property names. */
    public static Workspace current() {
        String override = System.getProperty(HOME_PROPERTY);
        if (override != null && !override.isBlank()) {
            return new Workspace(Path.of(override));
        }
        return new Workspace(Path.of(System.getProperty("user.home"), ".clusterdeck"));
    }

    public Path recoveryFolder() {
        return home.resolve("recovery");
    }

    public Path recentFilesFile() {
        return home.resolve("recent-files.txt");
    }
}
