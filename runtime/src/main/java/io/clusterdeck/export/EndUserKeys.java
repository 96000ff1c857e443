package io.clusterdeck.export;

import io.clusterdeck.design.AuthSettings;
import io.clusterdeck.design.Design;

/**
 * What an exported proxy verifies end users' tokens with, and so what an export must bring it: nothing, the shared
 * secret in a file the user writes ({@code secretFile}), the shared secret in an environment variable
 * ({@code secretEnv}), or the public keys of a JSON Web Key Set ({@code jwksFile}), which travel with the export.
 */
enum EndUserKeys {
    NONE, SECRET_FILE, SECRET_ENV, JWKS;

    static EndUserKeys of(Design design) {
        AuthSettings auth = design.auth();
        if (auth == null) {
            return NONE;
        }
        if (auth.jwksFile() != null) {
            return JWKS;
        }
        return auth.secretEnv() != null ? SECRET_ENV : SECRET_FILE;
    }

    /** Whether the user must supply a secret that the export never holds. */
    boolean secret() {
        return this == SECRET_FILE || this == SECRET_ENV;
    }
}
