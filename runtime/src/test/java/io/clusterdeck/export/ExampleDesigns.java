package io.clusterdeck.export;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.ExampleDesignFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The example designs of the repository, loaded as a user's design files would be. */
final class ExampleDesigns {
    static final Path FOLDER = ExampleDesignFiles.FOLDER;

    private ExampleDesigns() {
    }

    static List<Path> files() {
        return ExampleDesignFiles.all();
    }

    static Path file(String name) {
        return FOLDER.resolve(name + ".json");
    }

    static Design load(Path file) {
        var parsed = DesignFiles.load(file);
        if (!parsed.ok()) {
            throw new IllegalStateException(file + " has problems: " + parsed.problems());
        }
        return parsed.value().orElseThrow();
    }

    static Export render(String name, Target target) {
        return render(file(name), target);
    }

    static Export render(Path file, Target target) {
        var design = load(file);
        try {
            return Exporter.render(design, DesignSource.of(design.name(), file), target, ExportOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
