package io.clusterdeck.service.proxy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.clusterdeck.design.AuthSettings;
import io.clusterdeck.function.EndUser;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies end users' bearer tokens on its own, as every proxy replica does: the signature with the design's
 * shared secret (HS256) or public keys (RS256, ES256 and kin), the issuer, the audience, a subject, and the expiry
 * and not-before times within the clock skew. Unsigned tokens and other algorithms are refused. A token verified
 * once is known until it expires.
 */
final class EndUserAuth {
    private static final String BEARER = "Bearer ";
    private static final int KNOWN_TOKENS = 4_096;
    private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String rolesClaim;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Known(EndUser user, long expiresAtMillis) {
    }

    private EndUserAuth(AuthSettings settings, JWSVerificationKeySelector<SecurityContext> keys, Clock clock) {
        this.clock = clock;
        this.rolesClaim = settings.rolesClaim();
        processor.setJWSKeySelector(keys);
        // The library's checks of exp and nbf read the same clock as the cache of verified tokens.
        var verifier = new DefaultJWTClaimsVerifier<SecurityContext>(settings.audience(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(), Set.of("sub", "exp")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.now());
            }
        };
        verifier.setMaxClockSkew(settings.clockSkewSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
    }

    /**
     * The verifier for a design's settings (files as absolute paths), reading the secret from its file or the
     * environment, or the public keys from the key set.
     *
     * @throws IllegalArgumentException when the secret or keys cannot be had, saying which and why
     */
    static EndUserAuth of(AuthSettings settings, Map<String, String> environment, Clock clock) {
        if (!settings.sharedSecret()) {
            try {
                var keys = JWKSet.load(Path.of(settings.jwksFile()).toFile());
                if (keys.getKeys().isEmpty()) {
                    throw new IllegalArgumentException("the key set " + settings.jwksFile() + " holds no key");
                }
                return new EndUserAuth(settings, new JWSVerificationKeySelector<>(PUBLIC_KEY_ALGORITHMS,
                        new ImmutableJWKSet<>(keys)), clock);
            } catch (IOException | ParseException e) {
                throw new IllegalArgumentException("cannot read the key set " + settings.jwksFile() + ": " + e.getMessage(), e);
            }
        }
        var secret = SharedSecret.of(settings, environment);
        if (secret.length < 32) {
            throw new IllegalArgumentException("the HS256 secret must be at least 32 bytes long, has " + secret.length);
        }
        return new EndUserAuth(settings, new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)), clock);
    }

    /** The verified user of an {@code Authorization} header; empty without one; a 401 for a bad one. */
    Optional<EndUser> verify(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        var hit = known.get(authorization);
        if (hit != null && clock.now().toEpochMilli() < hit.expiresAtMillis()) {
            return Optional.of(hit.user());
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw invalid("expected 'Authorization: Bearer <token>'");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(authorization.substring(BEARER.length()).trim(), null);
        } catch (ParseException e) {
            throw invalid("the token is malformed");
        } catch (BadJOSEException e) {
            throw invalid(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw invalid("the token cannot be verified: " + e.getMessage());
        }
        var user = new EndUser(claims.getSubject(), roles(claims.getClaim(rolesClaim)));
        if (known.size() >= KNOWN_TOKENS) {
            known.clear();
        }
        known.put(authorization, new Known(user, claims.getExpirationTime().getTime()));
        return Optional.of(user);
    }

    /** Lets the user in when they have one of the roles (a 401 for no user, a 403 for missing roles). */
    static void requireRole(String function, List<String> roles, Optional<EndUser> user) {
        if (user.isEmpty()) {
            throw ServiceException.unauthorized("'" + function + "' needs a signed-in caller with one of the roles "
                    + roles, "Bearer realm=\"clusterdeck\"");
        }
        if (roles.stream().noneMatch(user.get()::hasRole)) {
            throw ServiceException.forbidden("'" + function + "' needs one of the roles " + roles + "; "
                    + user.get().subject() + " has " + user.get().roles());
        }
    }

    private static List<String> roles(Object claim) {
        var roles = new ArrayList<String>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> roles.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            roles.addAll(List.of(text.trim().split("\\s+")));
        }
        return roles;
    }

    private static ServiceException invalid(String why) {
        var text = why.replace("\"", "'");
        return ServiceException.unauthorized("the bearer token was refused: " + text,
                "Bearer realm=\"clusterdeck\", error=\"invalid_token\", error_description=\"" + text + "\"");
    }
}
