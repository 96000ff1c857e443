package io.clusterdeck.security;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC-SHA-256 (RFC 2104) over {@link Sha256Digest}: the MAC of the cluster's HS256 tokens. It gives the bytes
 * {@code javax.crypto.Mac} gives, without the JCE or the security providers: a process's first {@code Mac} sets up the
 * JCE provider and its policy (some 300 services registered, by interpreted code) for 20-30 ms of CPU, which each of a
 * cluster's processes spent on its start to sign or check one token. The key's padded blocks are hashed once; each
 * MAC copies those two digest states, so one instance serves any number of threads at once.
 */
final class HmacSha256 {
    static final int LENGTH = Sha256Digest.LENGTH;
    private static final int BLOCK = Sha256Digest.BLOCK;
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5c;

    private final Sha256Digest inner;
    private final Sha256Digest outer;

    HmacSha256(byte[] key) {
        var block = new byte[BLOCK];
        var shortKey = key.length > BLOCK ? Sha256Digest.of(key) : key;
        System.arraycopy(shortKey, 0, block, 0, shortKey.length);
        inner = new Sha256Digest().update(xor(block, INNER_PAD));
        outer = new Sha256Digest().update(xor(block, OUTER_PAD));
        Arrays.fill(block, (byte) 0);
    }

    /** The MAC of a message. */
    byte[] mac(byte[] message) {
        var innerHash = inner.copy().update(message).digest();
        return outer.copy().update(innerHash).digest();
    }

    /** Whether {@code mac} is the MAC of the message, compared in time independent of where they differ. */
    boolean matches(byte[] message, byte[] mac) {
        return MessageDigest.isEqual(mac(message), mac);
    }

    private static byte[] xor(byte[] block, byte pad) {
        var padded = new byte[block.length];
        for (int i = 0; i < block.length; i++) {
            padded[i] = (byte) (block[i] ^ pad);
        }
        return padded;
    }
}
