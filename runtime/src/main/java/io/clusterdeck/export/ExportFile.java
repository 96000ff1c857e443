package io.clusterdeck.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of an export: text the export writes, or a file or folder it copies as it is when written (the runtime
 * jar, a bundle, the assets).
 *
 * @param path    relative to the output folder, parts separated by '/': {@code config/gateway.json}
 * @param content the text, or null for a copy
 * @param source  what a copy is copied from, or null for text
 */
public record ExportFile(String path, String content, Path source) {
    public ExportFile {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")
                || path.contains("..")) {
            throw new IllegalArgumentException("an export file's path is relative and uses '/', was " + path);
        }
        if ((content == null) == (source == null)) {
            throw new IllegalArgumentException(path + ": an export file has either content or a source to copy");
        }
    }

    public ExportFile(String path, String content) {
        this(path, Objects.requireNonNull(content, "content"), null);
    }

    /** A file or folder copied byte for byte from {@code source} when the export is written. */
    public static ExportFile copy(String path, Path source) {
        return new ExportFile(path, null, Objects.requireNonNull(source, "source"));
    }

    public boolean copied() {
        return source != null;
    }

    /** SHA-256 of the text's UTF-8 bytes. */
    public String sha256() {
        if (copied()) {
            throw new IllegalStateException(path + " is copied from " + source + " when written and has no text");
        }
        return DesignSource.sha256(content.getBytes(StandardCharsets.UTF_8));
    }
}
