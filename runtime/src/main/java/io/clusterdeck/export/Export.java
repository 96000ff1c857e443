package io.clusterdeck.export;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The files of one export, in the order they are written, before they touch the disk. */
public record Export(Target target, DesignSource source, List<ExportFile> files) {
    public Export {
        files = List.copyOf(files);
        var seen = new HashSet<String>();
        for (var file : files) {
            if (!seen.add(file.path())) {
                throw new IllegalArgumentException("two export files at " + file.path());
            }
        }
    }

    public Optional<ExportFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The content of a file that must be there. */
    public String content(String path) {
        return file(path).map(ExportFile::content)
                .orElseThrow(() -> new IllegalArgumentException("no file " + path + " in this export"));
    }

    public List<String> paths() {
        return files.stream().map(ExportFile::path).toList();
    }
}
