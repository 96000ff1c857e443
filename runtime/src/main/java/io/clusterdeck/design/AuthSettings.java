package io.clusterdeck.design;

import io.clusterdeck.json.Checks;

/**
 * End-user authentication at the proxy: callers of public functions present a JWT that the proxy verifies on its
 * own, with a shared secret (HS256) or the public keys of a JSON Web Key Set (RS256, ES256), as RESTHeart's nodes
 * do. The secret itself is never written into a design or a config: it comes from a file or an environment
 * variable.
 *
 * @param issuer           the {@code iss} every token must carry
 * @param audience         the {@code aud} every token must carry
 * @param secretFile       HS256: a file holding the shared secret, relative to the design; a local launch makes
 *                         one (readable by its owner only) when it is missing
 * @param secretEnv        HS256: the environment variable holding the shared secret, instead of a file
 * @param jwksFile         RS256/ES256: a JSON Web Key Set of public keys, relative to the design
 * @param rolesClaim       the claim listing the caller's roles, {@code roles} unless said otherwise
 * @param clockSkewSeconds how far clocks may disagree when checking {@code exp} and {@code nbf}, 0 to 300 (30)
 */
public record AuthSettings(String issuer, String audience, String secretFile, String secretEnv, String jwksFile,
                           String rolesClaim, Integer clockSkewSeconds) {
    public AuthSettings {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        clockSkewSeconds = clockSkewSeconds == null ? 30 : clockSkewSeconds;
        var checks = new Checks();
        checks.present("issuer", blankAsNull(issuer));
        checks.present("audience", blankAsNull(audience));
        int keys = (secretFile != null ? 1 : 0) + (secretEnv != null ? 1 : 0) + (jwksFile != null ? 1 : 0);
        if (keys != 1) {
            checks.fail("", "auth needs exactly one of secretFile, secretEnv (HS256) and jwksFile (RS256/ES256), has "
                    + keys);
        }
        if (secretEnv != null && !secretEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            checks.fail("secretEnv", "'" + secretEnv + "' is not an environment variable name");
        }
        checks.between("clockSkewSeconds", clockSkewSeconds, 0, 300);
        checks.throwIfAny();
    }

    /** Whether tokens are signed with a shared secret (HS256) rather than a private key. */
    public boolean sharedSecret() {
        return jwksFile == null;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
