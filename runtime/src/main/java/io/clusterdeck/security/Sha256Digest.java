package io.clusterdeck.security;

import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4) for the cluster key's derivation and the tokens' MAC ({@link HmacSha256}). The JDK's
 * {@code MessageDigest} gives the same bytes, but its first use sets up the security providers (the Sun provider alone
 * registers some hundred services, by interpreted code): 15-30 ms of CPU in each of a cluster's processes as it
 * starts, for one digest of a short key. A digest is a state that takes bytes; {@link #copy()} forks it, so a state
 * made once from a key's padded block serves every MAC after it. Not for concurrent use; copies are independent.
 */
final class Sha256Digest {
    static final int LENGTH = 32;
    static final int BLOCK = 64;
    private static final int[] ROUND_CONSTANTS = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private final int[] hash;
    private final byte[] block;
    private final int[] schedule = new int[64];
    private int filled;
    private long length;

    Sha256Digest() {
        this(new int[] {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19}, new byte[BLOCK], 0, 0);
    }

    private Sha256Digest(int[] hash, byte[] block, int filled, long length) {
        this.hash = hash;
        this.block = block;
        this.filled = filled;
        this.length = length;
    }

    /** The digest of some bytes. */
    static byte[] of(byte[] bytes) {
        return new Sha256Digest().update(bytes).digest();
    }

    /** An independent state that has taken the same bytes as this one. */
    Sha256Digest copy() {
        return new Sha256Digest(hash.clone(), block.clone(), filled, length);
    }

    Sha256Digest update(byte[] bytes) {
        return update(bytes, 0, bytes.length);
    }

    Sha256Digest update(byte[] bytes, int offset, int count) {
        length += count;
        while (count > 0) {
            int taken = Math.min(count, BLOCK - filled);
            System.arraycopy(bytes, offset, block, filled, taken);
            filled += taken;
            offset += taken;
            count -= taken;
            if (filled == BLOCK) {
                compress();
                filled = 0;
            }
        }
        return this;
    }

    /** The digest of every byte taken; the state is spent. */
    byte[] digest() {
        long bits = length * 8;
        block[filled++] = (byte) 0x80;
        if (filled > BLOCK - 8) {
            Arrays.fill(block, filled, BLOCK, (byte) 0);
            compress();
            filled = 0;
        }
        Arrays.fill(block, filled, BLOCK - 8, (byte) 0);
        for (int i = 0; i < 8; i++) {
            block[BLOCK - 8 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress();
        var digest = new byte[LENGTH];
        for (int i = 0; i < 8; i++) {
            digest[4 * i] = (byte) (hash[i] >>> 24);
            digest[4 * i + 1] = (byte) (hash[i] >>> 16);
            digest[4 * i + 2] = (byte) (hash[i] >>> 8);
            digest[4 * i + 3] = (byte) hash[i];
        }
        return digest;
    }

    private void compress() {
        var w = schedule;
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16 | (block[4 * t + 2] & 0xff) << 8
                    | block[4 * t + 3] & 0xff;
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ w[t - 15] >>> 3;
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ w[t - 2] >>> 10;
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = hash[0];
        int b = hash[1];
        int c = hash[2];
        int d = hash[3];
        int e = hash[4];
        int f = hash[5];
        int g = hash[6];
        int h = hash[7];
        for (int t = 0; t < 64; t++) {
            int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int choice = e & f ^ ~e & g;
            int first = h + sum1 + choice + ROUND_CONSTANTS[t] + w[t];
            int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int majority = a & b ^ a & c ^ b & c;
            h = g;
            g = f;
            f = e;
            e = d + first;
            d = c;
            c = b;
            b = a;
            a = first + sum0 + majority;
        }
        hash[0] += a;
        hash[1] += b;
        hash[2] += c;
        hash[3] += d;
        hash[4] += e;
        hash[5] += f;
        hash[6] += g;
        hash[7] += h;
    }
}
