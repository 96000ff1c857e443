package io.clusterdeck.service.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tokens and keys made by the npm library jose, an implementation independent of the one the runtime verifies
 * with. Its package is installed once into {@code target/jose} from the locked versions in {@code src/test/jose};
 * that needs Node.js and npm.
 */
final class Jose {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src", "test", "jose");
    private static final Path HOME = Path.of("target", "jose");

    private Jose() {
    }

    /** A token signed with HS256 and the given secret. */
    static String hs256(String secret, Map<String, ?> claims) {
        return run(Map.of("alg", "HS256", "secret", secret, "claims", claims)).asText();
    }

    /** A token signed with a private key of {@link #keyPair}. */
    static String signed(String alg, JsonNode privateJwk, Map<String, ?> claims) {
        return run(Map.of("alg", alg, "privateJwk", privateJwk, "claims", claims, "kid", privateJwk.path("kid").asText()))
                .asText();
    }

    /** An unsigned token ({@code alg: none}). */
    static String unsigned(Map<String, ?> claims) {
        return run(Map.of("alg", "none", "claims", claims)).asText();
    }

    /** A new key pair: {@code privateJwk}, and {@code jwks} holding the public key. */
    static JsonNode keyPair(String alg, String kid) {
        return run(Map.of("keys", alg, "kid", kid));
    }

    /** Seconds since the epoch, as JWT times are, {@code offset} seconds from now. */
    static long epoch(long offset) {
        return System.currentTimeMillis() / 1000 + offset;
    }

    private static synchronized JsonNode run(Map<String, ?> request) {
        install();
        try {
            var process = new ProcessBuilder("node", "mint.mjs").directory(HOME.toFile()).start();
            process.getOutputStream().write(JSON.writeValueAsBytes(request));
            process.getOutputStream().close();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("node mint.mjs failed: " + err);
            }
            return out.startsWith("{") ? JSON.readTree(out) : JSON.getNodeFactory().textNode(out.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node (Node.js is needed for these tests)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void install() {
        try {
            Files.createDirectories(HOME);
            for (var file : List.of("package.json", "package-lock.json", "mint.mjs")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isDirectory(HOME.resolve("node_modules").resolve("jose"))) {
                return;
            }
            var npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(HOME.toFile()).redirectErrorStream(true).start();
            var output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci of the token fixtures failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the token fixtures (Node.js and npm are needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
