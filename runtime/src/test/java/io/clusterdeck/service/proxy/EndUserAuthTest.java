package io.clusterdeck.service.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.AuthSettings;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.security.ClusterKey;
import io.clusterdeck.service.FakeClock;
import io.clusterdeck.service.InProcessCluster;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.service.TestHttp;
import io.clusterdeck.time.Clock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End users signing in at the proxy, with tokens made by an independent JWT library (npm jose): what a proxy lets
 * through and what it refuses, with shared secrets and with public keys, on every replica alike.
 */
class EndUserAuthTest {
    private static final String SECRET = "a-shared-secret-of-at-least-thirty-two-bytes";
    private static final String ISSUER = "https://login.example";
    private static final String AUDIENCE = "shop";

    @TempDir
    static Path folder;
    private static InProcessCluster cluster;
    private static final List<ProxyService> proxies = new ArrayList<>();
    private static ProxyService proxy;

    @BeforeAll
    static void start() throws IOException {
        cluster = InProcessCluster.start(TestConfigs.FAST_CHECKS, 3_000, 1, 1);
        var secretFile = folder.resolve("shop.secret");
        Files.writeString(secretFile, SECRET + "\n");
        proxy = proxy(new AuthSettings(ISSUER, AUDIENCE, secretFile.toString(), null, null, null, 5));
    }

    @AfterAll
    static void stop() {
        proxies.forEach(ProxyService::stop);
        cluster.close();
    }

    private static ProxyService proxy(AuthSettings auth) {
        return proxy(auth, Clock.SYSTEM);
    }

    private static ProxyService proxy(AuthSettings auth, Clock clock) {
        var config = new ProxyConfig("proxy", "127.0.0.1", 0, null, cluster.gateway.url(), cluster.gateway.url(),
                64 * 1024, 3_000, List.of("shop/read", "shop/order"), auth, Map.of("shop/read", List.of("admin", "clerk")));
        var started = ProxyService.create(config, ClusterKey.of(TestConfigs.KEY), Map.of(), clock).start();
        proxies.add(started);
        return started;
    }

    private static Map<String, Object> claims(String subject, List<String> roles) {
        var claims = new HashMap<String, Object>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("roles", roles);
        claims.put("iat", Jose.epoch(0));
        claims.put("exp", Jose.epoch(300));
        return claims;
    }

    private static Map<String, Object> claims(String subject, List<String> roles, String key, Object value) {
        var claims = claims(subject, roles);
        claims.put(key, value);
        return claims;
    }

    private static HttpResponse<String> read(ProxyService through, String token) {
        return token == null ? TestHttp.post(through.url() + "/rpc/shop/read", "{}")
                : TestHttp.post(through.url() + "/rpc/shop/read", "{}", "Authorization", "Bearer " + token);
    }

    private static void assertRefused(HttpResponse<String> response, String why) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer realm=\"clusterdeck\", error=\"invalid_token\""));
        assertThat(response.body()).contains(why);
    }

    @Test
    void tokenWithOneOfTheRolesIsLetIn() {
        var response = read(proxy, Jose.hs256(SECRET, claims("alice", List.of("clerk"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void functionThatNeedsARoleAsksACallerWithoutATokenToSignIn() {
        var response = read(proxy, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"clusterdeck\"");
        assertThat(response.body()).contains("'shop/read' needs a signed-in caller with one of the roles [admin, clerk]");
    }

    @Test
    void aTokenLetInOnceIsRefusedOnceItHasExpired() throws IOException {
        var clock = new FakeClock();
        var secretFile = folder.resolve("clocked.secret");
        Files.writeString(secretFile, SECRET + "\n");
        var clocked = proxy(new AuthSettings(ISSUER, AUDIENCE, secretFile.toString(), null, null, null, 5), clock);
        var token = Jose.hs256(SECRET, claims("alice", List.of("clerk")));
        var now = Duration.between(clock.now(), Instant.now());
        clock.advance(now);

        assertThat(read(clocked, token).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(300 + 5 + 1));

        assertRefused(read(clocked, token), "Expired JWT");
    }

    @Test
    void tokenWithoutTheRoleIsForbidden() {
        var response = read(proxy, Jose.hs256(SECRET, claims("bob", List.of("guest"))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("'shop/read' needs one of the roles [admin, clerk]; bob has [guest]");
    }

    @Test
    void functionWithoutRolesTakesAnonymousAndSignedInCallers() {
        var anonymous = TestHttp.post(proxy.url() + "/rpc/shop/order", "{}");
        var signedIn = TestHttp.post(proxy.url() + "/rpc/shop/order", "{}", "Authorization",
                "Bearer " + Jose.hs256(SECRET, claims("carol", List.of())));

        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(200);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        assertRefused(read(proxy, Jose.hs256("another-secret-that-is-also-thirty-two-bytes", claims("eve", List.of("admin")))),
                "Invalid signature");
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(read(proxy, Jose.hs256(SECRET, claims("alice", List.of("admin"), "exp", Jose.epoch(-60)))),
                "Expired JWT");
    }

    @Test
    void tokenNotValidYetIsRefused() {
        assertRefused(read(proxy, Jose.hs256(SECRET, claims("alice", List.of("admin"), "nbf", Jose.epoch(600)))),
                "JWT before use time");
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() {
        assertRefused(read(proxy, Jose.hs256(SECRET, claims("alice", List.of("admin"), "iss", "https://evil.example"))),
                "iss claim has value");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused(read(proxy, Jose.hs256(SECRET, claims("alice", List.of("admin"), "aud", "other"))),
                "audience rejected");
    }

    @Test
    void tokenWithoutSubjectIsRefused() {
        var claims = claims("alice", List.of("admin"));
        claims.remove("sub");

        assertRefused(read(proxy, Jose.hs256(SECRET, claims)), "missing required claims: [sub]");
    }

    @Test
    void unsignedTokenIsRefused() {
        assertRefused(read(proxy, Jose.unsigned(claims("alice", List.of("admin")))), "Unsecured");
    }

    @Test
    void anotherReplicaOfTheProxyAcceptsTheSameTokenOnItsOwn() {
        var replica = proxy(new AuthSettings(ISSUER, AUDIENCE, folder.resolve("shop.secret").toString(), null, null, null, 5));
        var token = Jose.hs256(SECRET, claims("alice", List.of("admin")));

        assertThat(read(proxy, token).statusCode()).isEqualTo(200);
        assertThat(read(replica, token).statusCode()).isEqualTo(200);
    }

    @Test
    void publicKeysVerifyRs256AndEs256TokensAndRefuseOtherKeys() throws IOException {
        var rsa = Jose.keyPair("RS256", "rsa-1");
        var ec = Jose.keyPair("ES256", "ec-1");
        var stranger = Jose.keyPair("RS256", "rsa-1");
        var jwks = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        jwks.putArray("keys").add(rsa.path("jwks").path("keys").get(0)).add(ec.path("jwks").path("keys").get(0));
        var jwksFile = folder.resolve("keys.json");
        Files.writeString(jwksFile, jwks.toString());
        var byKeys = proxy(new AuthSettings(ISSUER, AUDIENCE, null, null, jwksFile.toString(), null, 5));

        var rs256 = read(byKeys, Jose.signed("RS256", rsa.path("privateJwk"), claims("alice", List.of("admin"))));
        var es256 = read(byKeys, Jose.signed("ES256", ec.path("privateJwk"), claims("alice", List.of("admin"))));
        var forged = read(byKeys, Jose.signed("RS256", stranger.path("privateJwk"), claims("alice", List.of("admin"))));
        var hs256 = read(byKeys, Jose.hs256(SECRET, claims("alice", List.of("admin"))));

        assertThat(rs256.statusCode()).as(rs256.body()).isEqualTo(200);
        assertThat(es256.statusCode()).as(es256.body()).isEqualTo(200);
        assertRefused(forged, "Invalid signature");
        assertRefused(hs256, "Another algorithm expected");
    }
}
