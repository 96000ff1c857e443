package io.clusterdeck.app.workspace;

import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The design files opened or saved last, newest first, kept in a text file of one path a line. */
public final class RecentFiles {
    public static final int LIMIT = 10;

    private final Path store;

    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The remembered files that still exist, newest first. */
    public List<Path> list() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            return Files.readAllLines(store, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(Path::of)
                    .filter(Files::isRegularFile)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Remembers a file as the newest; returns the new list. */
    public List<Path> add(Path file) {
        var absolute = file.toAbsolutePath().normalize();
        var files = new ArrayList<Path>();
        files.add(absolute);
        list().stream().filter(p -> !p.equals(absolute)).limit(LIMIT - 1).forEach(files::add);
        var text = new StringBuilder();
        files.forEach(p -> text.append(p).append('\n'));
        try {
            DesignFiles.writeAtomically(store, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember recent files in " + store, e);
        }
        return List.copyOf(files);
    }
}
