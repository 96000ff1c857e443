package io.clusterdeck.export;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.clusterdeck.design.Design;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Designs whose end users sign in, written into a folder the way a user keeps them: the design file beside the files
 * it names (a secret, a key set, a bundle).
 */
final class SignInDesigns {
    /** The variable the {@code secretEnv} design names. */
    static final String SECRET_ENV = "SIGNIN_SECRET";

    private SignInDesigns() {
    }

    /** How a design's proxy gets its keys, as the design's {@code auth} says it. */
    enum Keys {
        SECRET_FILE("\"secretFile\": \"signin.secret\""),
        SECRET_ENV("\"secretEnv\": \"" + SignInDesigns.SECRET_ENV + "\""),
        JWKS_FILE("\"jwksFile\": \"keys/jwks.json\"");

        final String json;

        Keys(String json) {
            this.json = json;
        }
    }

    /** A random secret of 48 bytes, base64, as a user would make one. */
    static String randomSecret() {
        var bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The example bundle-demo copied into a folder, its bundle a stand-in jar beside it and {@code secret} in the
     * secret file its {@code auth} names.
     */
    static Path bundleDemo(Path folder, String secret) throws IOException {
        Files.createDirectories(folder);
        var text = Files.readString(ExampleDesigns.file("bundle-demo"), StandardCharsets.UTF_8)
                .replace("../examples/target/clusterdeck-examples.jar", "examples.jar");
        Files.writeString(folder.resolve("examples.jar"), "a stand-in for the example bundle");
        Files.writeString(folder.resolve("bundle-demo.secret"), secret + "\n");
        return Files.writeString(folder.resolve("bundle-demo.json"), text);
    }

    /**
     * A cluster of one segment of two workers behind a proxy whose callers sign in with these keys; a secret file
     * holds {@code secret}, a key set is an EC public key made for the test.
     */
    static Path write(Path folder, Keys keys, String secret) throws IOException {
        Files.createDirectories(folder.resolve("keys"));
        Files.writeString(folder.resolve("signin.secret"), secret + "\n");
        Files.writeString(folder.resolve("keys/jwks.json"), publicKeySet());
        return Files.writeString(folder.resolve("signin.json"), """
                {
                  "version": 1,
                  "name": "signin",
                  "mode": "cluster",
                  "functions": [
                    { "name": "account/whoami", "access": "public", "roles": ["user"], "simulate": { "cpuMs": 0.1 } }
                  ],
                  "segments": [ { "name": "account", "functions": ["account/whoami"], "workers": 2 } ],
                  "proxy": { "enabled": true },
                  "auth": { "issuer": "https://login.example", "audience": "signin", %s }
                }
                """.formatted(keys.json));
    }

    static Export render(Path file, Target target) throws IOException {
        Design design = ExampleDesigns.load(file);
        return Exporter.render(design, DesignSource.of(design.name(), file), target,
                ExportOptions.DEFAULT.withRuntimeJar(null));
    }

    /** Every regular file under a folder. */
    static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Whether some bytes hold others anywhere. */
    static boolean contains(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            int j = 0;
            while (j < part.length && bytes[i + j] == part[j]) {
                j++;
            }
            if (j == part.length) {
                return true;
            }
        }
        return false;
    }

    private static String publicKeySet() {
        try {
            return new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("signin").generate().toPublicJWK()).toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
