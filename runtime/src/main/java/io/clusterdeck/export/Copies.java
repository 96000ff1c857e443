package io.clusterdeck.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** Copies the files an export carries (jar, bundles, assets) byte for byte, each atomically, readable by all. */
final class Copies {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private Copies() {
    }

    /** Copies a file, or a folder with everything in it, to {@code target}. */
    static void copy(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            copyFile(source, target);
            return;
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(source)) {
            entries = walk.sorted().toList();
        }
        for (var entry : entries) {
            var to = target.resolve(source.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                Files.createDirectories(to);
                readableByAll(to);
            } else {
                copyFile(entry, to);
            }
        }
    }

    private static void copyFile(Path source, Path target) throws IOException {
        var folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        var temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
            readableByAll(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** rw-r--r-- for a file, rwxr-xr-x for a folder, where the file system has POSIX permissions. */
    static void readableByAll(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
