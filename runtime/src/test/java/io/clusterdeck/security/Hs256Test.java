package io.clusterdeck.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Hs256Test {
    private final byte[] key = ClusterKey.of("k1").signingKey();
    private final Hs256 hs256 = new Hs256(key);

    @Test
    void signsTheBytesNimbussOwnMacSignerSignsAndItsVerifierAccepts() throws Exception {
        var ours = token(new JWSHeader(JWSAlgorithm.HS256));
        ours.sign(hs256);
        var nimbus = token(new JWSHeader(JWSAlgorithm.HS256));
        nimbus.sign(new MACSigner(key));

        assertThat(ours.serialize()).isEqualTo(nimbus.serialize());
        assertThat(SignedJWT.parse(ours.serialize()).verify(new MACVerifier(key))).isTrue();
    }

    @Test
    void acceptsWhatNimbusSignsUnderTheKeyAndNothingUnderAnother() throws Exception {
        var signed = token(new JWSHeader(JWSAlgorithm.HS256));
        signed.sign(new MACSigner(key));
        var stranger = token(new JWSHeader(JWSAlgorithm.HS256));
        stranger.sign(new MACSigner(ClusterKey.of("k2").signingKey()));

        assertThat(SignedJWT.parse(signed.serialize()).verify(hs256)).isTrue();
        assertThat(SignedJWT.parse(stranger.serialize()).verify(hs256)).isFalse();
    }

    @Test
    void refusesATokenNamingCriticalHeaderParametersAsNimbusDoes() throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .criticalParams(Set.of("exp-policy")).customParam("exp-policy", "lenient").build();
        var signed = token(header);
        signed.sign(new MACSigner(key));

        assertThat(SignedJWT.parse(signed.serialize()).verify(new MACVerifier(key))).isFalse();
        assertThat(SignedJWT.parse(signed.serialize()).verify(hs256)).isFalse();
    }

    @Test
    void signsAndVerifiesHs256Only() throws Exception {
        var hs512 = token(new JWSHeader(JWSAlgorithm.HS512));

        assertThat(hs256.supportedJWSAlgorithms()).containsExactly(JWSAlgorithm.HS256);
        assertThatThrownBy(() -> hs512.sign(hs256)).hasMessageContaining("HS512");
        assertThatThrownBy(() -> new Hs256(new byte[16])).hasMessageContaining("at least 256 bits, this one 128");
    }

    private static SignedJWT token(JWSHeader header) {
        return new SignedJWT(header, new JWTClaimsSet.Builder().issuer("worker-shop-1").audience(ClusterTokens.AUDIENCE)
                .claim(ClusterTokens.FUNCTION_CLAIM, "shop/order").build());
    }
}
