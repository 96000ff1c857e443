package io.clusterdeck.export;

import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The design an export came from: its name and the SHA-256 of its file's bytes. Every exported file records it.
 *
 * @param folder the design file's folder, which relative paths in the design are resolved against on this machine
 */
public record DesignSource(String name, String sha256, Path folder) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DesignSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(folder, "folder");
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
        }
    }

    /** Reads a design file's bytes to fingerprint it. */
    public static DesignSource of(String designName, Path designFile) throws IOException {
        var absolute = designFile.toAbsolutePath().normalize();
        return new DesignSource(designName, sha256(Files.readAllBytes(absolute)), DesignFiles.folderOf(absolute));
    }

    /** Lower-case hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A comment block naming this design, each line starting with {@code prefix} ({@code "# "}). */
    public String header(String prefix) {
        return prefix + "Exported by Clusterdeck from design '" + name + "', design file SHA-256 " + sha256 + ".\n"
                + prefix + "Export again rather than edit: the same design always exports the same bytes.\n";
    }
}
