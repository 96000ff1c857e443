package io.clusterdeck.export;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of an export.
 *
 * @param path   relative to the output folder, parts separated by '/': {@code config/gateway.json}
 * @param secret whether it holds (or is meant to hold) a secret: written readable by its owner only
 */
public record ExportFile(String path, String content, boolean secret) {
    public ExportFile {
        Objects.requireNonNull(content, "content");
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")
                || path.contains("..")) {
            throw new IllegalArgumentException("an export file's path is relative and uses '/', was " + path);
        }
    }

    /** A file anyone who may read the export may read. */
    public ExportFile(String path, String content) {
        this(path, content, false);
    }

    /** SHA-256 of the file's UTF-8 bytes. */
    public String sha256() {
        return DesignSource.sha256(content.getBytes(StandardCharsets.UTF_8));
    }
}
