package io.clusterdeck.app.common;

import java.nio.file.Path;

/** How the app names files in tight spaces. */
public final class FileNames {
    private FileNames() {
    }

    /** The file with its folder, {@code designs/webshop.json}: enough to tell files apart at a glance. */
    public static String shortPath(Path file) {
        var absolute = file.toAbsolutePath();
        var folder = absolute.getParent() == null ? null : absolute.getParent().getFileName();
        return folder == null ? absolute.getFileName().toString() : folder + "/" + absolute.getFileName();
    }
}
