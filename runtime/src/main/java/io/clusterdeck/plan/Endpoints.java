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

    static void url(Checks checks, String field, String url) {
        if (checks.present(field, url) && !url.matches("https?://[^/\\s]+(/\\S*)?")) {
            checks.fail(field, "'" + url + "' is not an http URL");
        }
    }
}
