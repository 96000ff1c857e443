package io.clusterdeck.security;

import io.clusterdeck.http.ServiceException;
import io.clusterdeck.service.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterTokensTest {
    private final FakeClock clock = new FakeClock();
    private final ClusterTokens gateway = new ClusterTokens("gateway", ClusterKey.of("k1"), clock);
    private final ClusterTokens worker = new ClusterTokens("worker-shop-1", ClusterKey.of("k1"), clock);

    @Test
    void anyMemberVerifiesAnotherMembersToken() {
        var caller = gateway.verify(worker.authorization("shop/order"));

        assertThat(caller).contains(new ClusterTokens.Caller("worker-shop-1", "shop/order"));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        var stranger = new ClusterTokens("stranger", ClusterKey.of("other key"), clock);

        assertThatThrownBy(() -> gateway.verify(stranger.authorization(null)))
                .isInstanceOf(ServiceException.class)
                .hasMessage("the cluster token's signature does not match the cluster key")
                .extracting(e -> ((ServiceException) e).status()).isEqualTo(401);
    }

    @Test
    void expiredTokenIsRefused() {
        var header = worker.authorization(null);
        clock.advance(Duration.ofSeconds(ClusterTokens.LIFETIME_SECONDS + ClusterTokens.SKEW_SECONDS + 1));

        assertThatThrownBy(() -> gateway.verify(header)).hasMessage("the cluster token has expired");
    }

    @Test
    void tokenLivingLongerThanTheMaximumIsRefused() {
        var tenYears = "Bearer " + worker.mint(null, Duration.ofDays(3650));

        assertThatThrownBy(() -> gateway.verify(tenYears))
                .hasMessage("the cluster token lives longer than the 3600 s a member token may");
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        var later = new FakeClock();
        later.advance(Duration.ofMinutes(10));
        var fromTheFuture = "Bearer " + new ClusterTokens("worker-shop-1", ClusterKey.of("k1"), later).mint(null, Duration.ofMinutes(1));

        assertThatThrownBy(() -> gateway.verify(fromTheFuture)).hasMessage("the cluster token is issued in the future");
    }

    @Test
    void tokenNotValidYetIsRefused() throws Exception {
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("worker-shop-1").audience(ClusterTokens.AUDIENCE)
                .issueTime(java.util.Date.from(clock.now()))
                .notBeforeTime(java.util.Date.from(clock.now().plusSeconds(600)))
                .expirationTime(java.util.Date.from(clock.now().plusSeconds(900))).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256), claims);
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(ClusterKey.of("k1").signingKey()));

        assertThatThrownBy(() -> gateway.verify("Bearer " + jwt.serialize())).hasMessage("the cluster token is not valid yet");
    }

    @Test
    void tokenIsRenewedBeforeItExpires() {
        var first = worker.authorization(null);
        clock.advance(Duration.ofSeconds(ClusterTokens.LIFETIME_SECONDS / 2 + 1));

        var second = worker.authorization(null);

        assertThat(second).isNotEqualTo(first);
        assertThat(gateway.verify(second)).isPresent();
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        assertThatThrownBy(() -> gateway.verify("Bearer not.a.jwt")).hasMessage("the cluster token is malformed");
        assertThatThrownBy(() -> gateway.verify("Basic dXNlcjpwYXNz"))
                .hasMessage("expected 'Authorization: Bearer <cluster token>'");
    }

    @Test
    void requestWithoutTokenHasNoCaller() {
        assertThat(gateway.verify((String) null)).isEmpty();
    }
}
