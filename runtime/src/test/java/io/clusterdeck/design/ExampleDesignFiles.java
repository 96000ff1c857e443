package io.clusterdeck.design;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The example design files of the repository, for every test that runs over all of them. */
public final class ExampleDesignFiles {
    public static final Path FOLDER = Path.of("..", "designs").toAbsolutePath().normalize();

    private ExampleDesignFiles() {
    }

    /** Every design in {@code designs/}, by name; the schema beside them is not a design. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".schema.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
