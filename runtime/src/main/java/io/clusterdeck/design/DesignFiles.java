package io.clusterdeck.design;

import io.clusterdeck.json.Parsed;
import io.clusterdeck.json.Problem;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes design files. Reading reports every problem with file, line, column and JSON path;
 * writing is atomic, so a failed save leaves the previous file as it was.
 */
public final class DesignFiles {
    private DesignFiles() {
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
            var design = bound.value().map(Design.class::cast);
            design.ifPresent(d -> problems.addAll(d.validate()));
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

    /** Writes text to a file atomically (see {@link #save}). */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = StandardCharsets.UTF_8.encode(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Parsed<Design> failure(String source, String message) {
        return new Parsed<>(Optional.empty(), List.of(new Problem(source, 0, 0, "$", message)));
    }
}
