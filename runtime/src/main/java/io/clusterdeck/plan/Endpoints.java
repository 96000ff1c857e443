package io.clusterdeck.plan;

import io.clusterdeck.json.Checks;

/** Checks shared by every service config. */
final class Endpoints {
    private Endpoints() {
    }

    static Checks check(String name, String host, int port) {
        var checks = new Checks();
        if (checks.present("name", name) && name.isBlank()) {
            checks.fail("name", "must not be blank");
        }
        if (checks.present("host", host) && host.isBlank()) {
            checks.fail("host", "must not be blank");
        }
        checks.between("port", port, 0, 65_535);
        return checks;
    }

    /** A non-empty list of http URLs, copied; null when it was missing. */
    static java.util.List<String> urls(Checks checks, String field, java.util.List<String> urls) {
        if (!checks.present(field, urls)) {
            return null;
        }
        if (urls.isEmpty()) {
            checks.fail(field, "must name at least one URL");
        }
        for (int i = 0; i < urls.size(); i++) {
            url(checks, field + "[" + i + "]", urls.get(i));
        }
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(urls));
    }

    static void url(Checks checks, String field, String url) {
        if (checks.present(field, url) && !url.matches("https?://[^/\\s]+(/\\S*)?")) {
            checks.fail(field, "'" + url + "' is not an http URL");
        }
    }
}
