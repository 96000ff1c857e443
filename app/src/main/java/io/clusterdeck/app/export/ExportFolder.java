package io.clusterdeck.app.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** What an export folder already holds: files of the same export may be replaced, anything else is in the way. */
final class ExportFolder {
    private static final int NAMED = 3;

    private ExportFolder() {
    }

    /** The files under {@code folder}, relative and with '/', that are not among {@code exported}; hidden ones aside. */
    static List<String> otherFiles(Path folder, Collection<String> exported) throws IOException {
        return existing(folder).filter(f -> !exported.contains(f)).toList();
    }

    /** Whether the folder already holds any of the files. */
    static boolean hasAny(Path folder, Collection<String> exported) throws IOException {
        return existing(folder).anyMatch(exported::contains);
    }

    /** {@code compose.yaml, README.md and 4 more} */
    static String some(List<String> files) {
        var named = String.join(", ", files.subList(0, Math.min(NAMED, files.size())));
        return files.size() > NAMED ? named + " and " + (files.size() - NAMED) + " more" : named;
    }

    private static Stream<String> existing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> Stream.of(p.split("/")).noneMatch(part -> part.startsWith(".")))
                    .sorted()
                    .toList()
                    .stream();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
