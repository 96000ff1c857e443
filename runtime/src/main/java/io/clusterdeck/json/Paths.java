package io.clusterdeck.json;

/** JSON paths as users read them: {@code $} for the document, {@code segments[1].workers} below it. */
public final class Paths {
    public static final String ROOT = "$";

    private Paths() {
    }

    public static String child(String parent, String key) {
        return ROOT.equals(parent) || parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return (ROOT.equals(parent) ? "" : parent) + "[" + index + "]";
    }

    /** Joins a path and a field relative to it ({@code ""} for the value itself). */
    public static String resolve(String parent, String relative) {
        if (relative.isEmpty()) {
            return parent;
        }
        return relative.startsWith("[") ? (ROOT.equals(parent) ? "" : parent) + relative : child(parent, relative);
    }

    /** The enclosing path, or null for the document itself. */
    static String parent(String path) {
        if (ROOT.equals(path)) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? ROOT : path.substring(0, cut);
    }
}
