package io.clusterdeck.export;

import java.util.List;

/**
 * A Markdown table of files and their SHA-256: how a README records the JSON configs of an export, which cannot
 * carry a comment naming their design.
 */
final class FileTable {
    private FileTable() {
    }

    static String of(List<ExportFile> files) {
        var out = new StringBuilder("| file | SHA-256 |\n| --- | --- |\n");
        for (var file : files) {
            out.append("| ").append(file.path()).append(" | ").append(file.sha256()).append(" |\n");
        }
        return out.toString();
    }
}
