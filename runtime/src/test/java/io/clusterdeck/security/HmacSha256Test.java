package io.clusterdeck.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class HmacSha256Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void givesTheMacsOfRfc4231sTestCases() {
        // Test case 1: a 20-byte key.
        assertThat(mac(HEX.parseHex("0b".repeat(20)), "Hi There".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        // Test case 2: a key shorter than the output.
        assertThat(mac("Jefe".getBytes(StandardCharsets.US_ASCII), "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        // Test case 3: 50 bytes of 0xdd under a 20-byte key of 0xaa.
        assertThat(mac(HEX.parseHex("aa".repeat(20)), HEX.parseHex("dd".repeat(50))))
                .isEqualTo("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        // Test case 6: a key longer than a block is hashed first.
        assertThat(mac(HEX.parseHex("aa".repeat(131)),
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void givesWhatTheJcesMacGivesForKeysAndMessagesOfEveryLengthAroundABlock() throws Exception {
        var random = new Random(7);
        for (int keyLength = 0; keyLength <= 130; keyLength += 13) {
            var key = new byte[keyLength];
            random.nextBytes(key);
            var hmac = new HmacSha256(key);
            for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000}) {
                var message = new byte[length];
                random.nextBytes(message);

                assertThat(hmac.mac(message)).as("key %d bytes, message %d bytes", keyLength, length)
                        .isEqualTo(jce(key, message));
            }
        }
    }

    @Test
    void matchesItsOwnMacAndNothingThatDiffersInAnyByte() {
        var hmac = new HmacSha256("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        var message = "header.claims".getBytes(StandardCharsets.US_ASCII);
        var mac = hmac.mac(message);

        assertThat(hmac.matches(message, mac)).isTrue();
        for (int i = 0; i < mac.length; i++) {
            var tampered = mac.clone();
            tampered[i] ^= 1;
            assertThat(hmac.matches(message, tampered)).as("byte %d changed", i).isFalse();
        }
        assertThat(hmac.matches(message, java.util.Arrays.copyOf(mac, 31))).isFalse();
        assertThat(hmac.matches("header.claimz".getBytes(StandardCharsets.US_ASCII), mac)).isFalse();
    }

    @Test
    void oneInstanceGivesTheSameMacsOnManyThreadsAtOnce() throws Exception {
        var hmac = new HmacSha256(new byte[32]);
        var message = new byte[300];
        var expected = jce(new byte[32], message);
        var threads = new java.util.ArrayList<Thread>();
        var wrong = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            var thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    if (!java.util.Arrays.equals(hmac.mac(message), expected)) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }

        assertThat(wrong).hasValue(0);
    }

    private static String mac(byte[] key, byte[] message) {
        return HEX.formatHex(new HmacSha256(key).mac(message));
    }

    private static byte[] jce(byte[] key, byte[] message) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        // The JCE refuses an empty key; HMAC pads it with zeros as it pads any short key.
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
        return mac.doFinal(message);
    }
}
