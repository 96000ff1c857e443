package io.clusterdeck.design;

import io.clusterdeck.json.Parsed;
import io.clusterdeck.json.Problem;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads and writes design files. Reading reports every problem with file, line, column and JSON path;
 * writing is atomic, so a failed save leaves the previous file as it was.
 */
public final class DesignFiles {
    private DesignFiles() {
    }

    /**
     * The folder a design file's relative paths (bundles, assets, secrets) are resolved against: the file's own,
     * absolute; the one place it is derived.
     */
    public static Path folderOf(Path designFile) {
        var parent = designFile.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Reads and validates a design file. The design is present when it could be built, even with problems. */
    public static Parsed<Design> load(Path file) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return failure(source, "no such file");
        } catch (IOException e) {
            return failure(source, "cannot read the file: " + e.getMessage());
        }
        return parse(text, source);
    }

    /** Parses and validates design JSON text; {@code source} names it in messages. */
    public static Parsed<Design> parse(String text, String source) {
        return StrictJson.read(text, source, tree -> {
            if (!tree.isObject()) {
                return new Parsed<>(Optional.empty(), List.of(Problem.at("$",
                        "a design is a JSON object, not " + (tree.isArray() ? "a list" : "a single value"))));
            }
            var bound = StrictJson.bind(tree, Design.class, "$");
            var problems = new ArrayList<>(bound.problems());
            var design = bound.value();
            if (design.isPresent()) {
                problems.addAll(design.get().validate());
            } else {
                // Every problem at once: what could be read is cross-checked too.
                problems.addAll(PartialRead.crossChecks(tree, bound.problems()));
            }
            return new Parsed<>(design, problems);
        });
    }

    /** The design as the text of a design file. */
    public static String toJson(Design design) {
        return StrictJson.write(design);
    }

    /**
     * Saves a design atomically: the text goes to a temporary file beside the target, is forced to disk and then
     * moved over the target. On any failure the old file is untouched and the temporary file removed.
     */
    public static void save(Design design, Path file) throws IOException {
        writeAtomically(file, toJson(design));
    }

    /**
     * Writes text to a file atomically (see {@link #save}). A file that exists keeps its permissions; a new one gets
     * the user's defaults (the umask), as any editor's file would.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text, null);
    }

    /**
     * Writes text to a file atomically with the given POSIX permissions, for a file only its owner may read, such as
     * a secret. With {@code permissions} null it behaves as {@link #writeAtomically(Path, String)}.
     */
    public static void writeAtomically(Path file, String text, Set<PosixFilePermission> permissions) throws IOException {
        write(file, text, permissions, true);
    }

    /**
     * Writes text to a file whole, as {@link #writeAtomically(Path, String)} does (a reader sees the old text or the
     * new, never part of it), without forcing it to disk: for a file that lives only as long as a run, such as a
     * process's config, whose writer should not wait for the disk.
     */
    public static void writeWhole(Path file, String text) throws IOException {
        write(file, text, null, false);
    }

    private static void write(Path file, String text, Set<PosixFilePermission> permissions, boolean durable)
            throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = null;
        try {
            FileChannel opened = null;
            while (opened == null) {
                temporary = folder.resolve("." + target.getFileName() + "."
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                try {
                    // Created without explicit permissions, so the umask applies as it does to any new file.
                    opened = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    temporary = null;
                }
            }
            try (var channel = opened) {
                var buffer = StandardCharsets.UTF_8.encode(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            keepPermissions(temporary, target, permissions);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Gives the new text the permissions asked for, or those of the file it replaces. */
    private static void keepPermissions(Path temporary, Path target, Set<PosixFilePermission> permissions)
            throws IOException {
        try {
            if (permissions != null) {
                Files.setPosixFilePermissions(temporary, permissions);
            } else if (Files.isRegularFile(target)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: files there have no modes to keep.
        }
    }

    private static Parsed<Design> failure(String source, String message) {
        return new Parsed<>(Optional.empty(), List.of(new Problem(source, 0, 0, "$", message)));
    }
}
