package io.clusterdeck.design;

import io.clusterdeck.json.Checks;
import java.util.regex.Pattern;

/**
 * A jar of Java functions. The repository serves it; workers fetch it and check its SHA-256 when given.
 *
 * @param path relative to the design file's folder
 */
public record Bundle(String name, String path, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Bundle {
        var checks = new Checks().name("name", name, Checks.LOWER_NAME, Names.LOWER_RULE);
        if (checks.present("path", path) && !path.endsWith(".jar")) {
            checks.fail("path", "'" + path + "' is not a .jar file");
        }
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            checks.fail("sha256", "expected 64 lower-case hex digits");
        }
        checks.throwIfAny();
    }
}
