package io.clusterdeck.json;

import java.util.Objects;

/**
 * One thing wrong with an input document, located by its JSON path and, when known, by line and column.
 *
 * @param source the file or other origin the document came from, as shown to the user
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param path   JSON path such as {@code segments[1].workers}, or {@code $} for the whole document
 * @param message what is wrong, naming the value and the rule
 */
public record Problem(String source, int line, int column, String path, String message) {
    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** A problem that is known only by its path, before it is placed in a file. */
    public static Problem at(String path, String message) {
        return new Problem("", 0, 0, path, message);
    }

    /** The same problem, placed in a source at a line and column. */
    public Problem locatedIn(String source, int line, int column) {
        return new Problem(source, line, column, path, message);
    }

    /** {@code file:line:col: path: message}, the form every command prints. */
    @Override
    public String toString() {
        var where = source.isEmpty() ? "" : line > 0 ? source + ":" + line + ":" + column + ": " : source + ": ";
        return where + path + ": " + message;
    }
}
