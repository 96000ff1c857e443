package io.clusterdeck.app.workspace;

import io.clusterdeck.launch.LaunchOptions;
import java.nio.file.Path;

/**
 * Where the app keeps its own files: recent files and recovery copies. {@code ~/.clusterdeck} unless the system
 * property {@value #HOME_PROPERTY} names another folder.
 */
public record Workspace(Path home) {
    public static final String HOME_PROPERTY = LaunchOptions.HOME_PROPERTY;

    /** The workspace of this user, or of the folder the system property names; the launcher's runs are there too. */
    public static Workspace current() {
        return new Workspace(LaunchOptions.defaultHome());
    }

    public Path recoveryFolder() {
        return home.resolve("recovery");
    }

    /**
     * Where exports go unless the user chooses a folder: beside the workspace and visible, {@code ~/clusterdeck-exports}
     * for the default workspace, never inside a project's folder.
     */
    public Path exportsFolder() {
        var absolute = home.toAbsolutePath();
        return absolute.resolveSibling("clusterdeck-exports");
    }

    public Path recentFilesFile() {
        return home.resolve("recent-files.txt");
    }
}
