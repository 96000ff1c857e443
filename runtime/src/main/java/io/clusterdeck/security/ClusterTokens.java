package io.clusterdeck.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.clusterdeck.function.EndUser;
import io.clusterdeck.http.RequestIds;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.time.Clock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived tokens that prove a call comes from a member of the cluster. Any node verifies them with the
 * cluster key alone, without asking another node.
 *
 * <p>Internal calls (register, deregister, admin endpoints, protected and private function calls between
 * members) carry {@code Authorization: Bearer <JWT>}: a JWS signed with HS256 under the SHA-256 of the cluster
 * key, with these claims:
 * <ul>
 *   <li>{@code iss}: the name of the service that made the token, such as {@code worker-orders-1};</li>
 *   <li>{@code aud}: always {@code clusterdeck};</li>
 *   <li>{@code iat} and {@code exp}: issued now, valid for {@value #LIFETIME_SECONDS} seconds (a
 *       {@value #SKEW_SECONDS} second clock skew is tolerated); a token issued in the future, not valid yet
 *       ({@code nbf}), or living longer than {@value #MAX_LIFETIME_SECONDS} seconds is refused;</li>
 *   <li>{@code jti}: a random id, unique but not secret (the MAC is what a token is trusted by), drawn as a request
 *       id is: a {@code UUID.randomUUID()} would set up the security providers and a {@code SecureRandom} in every
 *       process as it registers;</li>
 *   <li>{@code fn} (optional): the function on whose behalf the call is made. Private functions accept only
 *       calls that carry it.</li>
 *   <li>{@code sub} and {@code roles} (optional): the end user the call is made for, as the proxy verified them.</li>
 * </ul>
 * Tokens are reused for half their lifetime, so signing costs nothing per call; a token verified once is known
 * until it expires, so verifying the same token again costs a lookup.
 */
public final class ClusterTokens {
    public static final String AUDIENCE = "clusterdeck";
    public static final String FUNCTION_CLAIM = "fn";
    public static final String ROLES_CLAIM = "roles";
    public static final long LIFETIME_SECONDS = 60;
    /** The longest lifetime a member token may have; longer ones are refused. */
    public static final long MAX_LIFETIME_SECONDS = 3_600;
    public static final long SKEW_SECONDS = 5;
    private static final String BEARER = "Bearer ";

    private final String issuer;
    private final Hs256 signature;
    private final Clock clock;
    private static final int KNOWN_TOKENS = 1_024;
    private static final byte[] JSON_LINE = "Content-Type: application/json\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Map<String, Minted> cache = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public ClusterTokens(String issuer, ClusterKey key, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.signature = new Hs256(key.signingKey());
    }

    /** The {@code Authorization} header value for a call by this service, on behalf of a function or not (null). */
    public String authorization(String function) {
        return minted(function, null).header();
    }

    /** The {@code Authorization} header value for a call on behalf of a function (or null) for an end user (or null). */
    public String authorization(String function, EndUser user) {
        return minted(function, user).header();
    }

    /**
     * The header lines of a JSON call by this service on behalf of a function or not (null), as bytes ready for the
     * wire: {@code Content-Type: application/json} and {@code Authorization}.
     */
    public byte[] callHeaders(String function) {
        return minted(function, null).callHeaders();
    }

    /** As {@link #callHeaders(String)}, for a call made for an end user (null: for none). */
    public byte[] callHeaders(String function, EndUser user) {
        return minted(function, user).callHeaders();
    }

    private Minted minted(String function, EndUser user) {
        var key = (function == null ? "" : function) + (user == null ? "" : "\n" + user.subject() + "\n" + user.roles());
        var now = clock.now();
        var minted = cache.get(key);
        if (minted == null || minted.renewAt().isBefore(now)) {
            if (cache.size() >= KNOWN_TOKENS) {
                cache.clear();
            }
            var header = BEARER + mint(function, user, Duration.ofSeconds(LIFETIME_SECONDS));
            var lines = new java.io.ByteArrayOutputStream();
            lines.writeBytes(JSON_LINE);
            lines.writeBytes(("Authorization: " + header + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            minted = new Minted(header, lines.toByteArray(), now.plusSeconds(LIFETIME_SECONDS / 2));
            cache.put(key, minted);
        }
        return minted;
    }

    /** A fresh signed token valid for the given time. */
    public String mint(String function, Duration lifetime) {
        return mint(function, null, lifetime);
    }

    /** A fresh signed token valid for the given time, for an end user (or null). */
    public String mint(String function, EndUser user, Duration lifetime) {
        var now = clock.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(RequestIds.newId());
        if (function != null) {
            claims.claim(FUNCTION_CLAIM, function);
        }
        if (user != null) {
            claims.subject(user.subject()).claim(ROLES_CLAIM, user.roles());
        }
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signature);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a cluster token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    /** The verified caller of a request, empty when it carries no token; a bad token is a 401. */
    public Optional<Caller> verify(HttpServerExchange exchange) {
        return verify(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    }

    public Optional<Caller> verify(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        var known = verified.get(authorization);
        if (known != null && clock.now().toEpochMilli() < known.expiresAtMillis()) {
            return known.caller();
        }
        var checked = verifyFully(authorization);
        if (verified.size() >= KNOWN_TOKENS) {
            verified.clear();
        }
        verified.put(authorization, checked);
        return checked.caller();
    }

    private Verified verifyFully(String authorization) {
        if (!authorization.startsWith(BEARER)) {
            throw ServiceException.unauthorized("expected 'Authorization: Bearer <cluster token>'");
        }
        try {
            var jwt = SignedJWT.parse(authorization.substring(BEARER.length()).trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw ServiceException.unauthorized("cluster tokens are signed with HS256");
            }
            if (!jwt.verify(signature)) {
                throw ServiceException.unauthorized("the cluster token's signature does not match the cluster key");
            }
            var claims = jwt.getJWTClaimsSet();
            var now = clock.now();
            if (claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().plusSeconds(SKEW_SECONDS).isBefore(now)) {
                throw ServiceException.unauthorized("the cluster token has expired");
            }
            if (claims.getAudience() == null || !claims.getAudience().equals(List.of(AUDIENCE))) {
                throw ServiceException.unauthorized("the cluster token is not for " + AUDIENCE);
            }
            checkTimes(claims, now);
            var function = claims.getClaim(FUNCTION_CLAIM);
            var user = claims.getSubject() == null ? null : new EndUser(claims.getSubject(), roles(claims));
            return new Verified(Optional.of(new Caller(claims.getIssuer(), function instanceof String s ? s : null, user)),
                    claims.getExpirationTime().getTime() + SKEW_SECONDS * 1000);
        } catch (ParseException | JOSEException e) {
            throw ServiceException.unauthorized("the cluster token is malformed");
        }
    }

    /** Issued in the past, valid now, and not for longer than a member token may live (all with the skew). */
    private static void checkTimes(JWTClaimsSet claims, java.time.Instant now) {
        var latest = now.plusSeconds(SKEW_SECONDS);
        var issued = claims.getIssueTime();
        if (issued == null) {
            throw ServiceException.unauthorized("the cluster token has no issue time");
        }
        if (issued.toInstant().isAfter(latest)) {
            throw ServiceException.unauthorized("the cluster token is issued in the future");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(latest)) {
            throw ServiceException.unauthorized("the cluster token is not valid yet");
        }
        var expires = claims.getExpirationTime().toInstant();
        if (expires.isAfter(issued.toInstant().plusSeconds(MAX_LIFETIME_SECONDS))
                || expires.isAfter(latest.plusSeconds(MAX_LIFETIME_SECONDS))) {
            throw ServiceException.unauthorized("the cluster token lives longer than the " + MAX_LIFETIME_SECONDS
                    + " s a member token may");
        }
    }

    /** The verified caller of a request; no token is a 401. */
    public Caller require(HttpServerExchange exchange) {
        return verify(exchange).orElseThrow(() -> ServiceException.unauthorized(
                "this endpoint needs a cluster token (Authorization: Bearer ...)"));
    }

    private static List<String> roles(JWTClaimsSet claims) throws ParseException {
        var roles = claims.getStringListClaim(ROLES_CLAIM);
        return roles == null ? List.of() : roles;
    }

    /**
     * A member of the cluster that made a call, the function it called for (if any), and the end user the call is
     * made for (if any).
     */
    public record Caller(String service, String function, EndUser user) {
        public Caller(String service, String function) {
            this(service, function, null);
        }
    }

    private record Minted(String header, byte[] callHeaders, java.time.Instant renewAt) {
    }

    private record Verified(Optional<Caller> caller, long expiresAtMillis) {
    }
}
