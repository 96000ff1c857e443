package io.clusterdeck.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;

/**
 * Nimbus's signer and verifier of the cluster's tokens: HS256 under the signing key, by {@link HmacSha256}. As
 * Nimbus's own MAC verifier does, it refuses a token that names critical header parameters, since it understands none.
 */
final class Hs256 implements JWSSigner, JWSVerifier {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.HS256);

    private final HmacSha256 mac;
    private final JCAContext context = new JCAContext();

    Hs256(byte[] signingKey) {
        if (signingKey.length < HmacSha256.LENGTH) {
            throw new IllegalArgumentException("an HS256 key has at least 256 bits, this one " + signingKey.length * 8);
        }
        this.mac = new HmacSha256(signingKey);
    }

    /** Nimbus signs only with an algorithm {@link #supportedJWSAlgorithms()} names, so the header's is HS256. */
    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) {
        return Base64URL.encode(mac.mac(signingInput));
    }

    @Override
    public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
        var critical = header.getCriticalParams();
        return JWSAlgorithm.HS256.equals(header.getAlgorithm()) && (critical == null || critical.isEmpty())
                && mac.matches(signingInput, signature.decode());
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return ALGORITHMS;
    }

    @Override
    public JCAContext getJCAContext() {
        return context;
    }
}
