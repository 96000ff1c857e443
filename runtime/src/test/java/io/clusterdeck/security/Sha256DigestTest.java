package io.clusterdeck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256DigestTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void givesTheDigestsOfTheStandardsExamples() {
        assertThat(hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assertThat(hex("a".repeat(1_000_000)))
                .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    @Test
    void givesWhatTheJdksDigestGivesForEveryLengthAroundThePaddingsEdgesHoweverTheBytesArrive() throws Exception {
        var random = new Random(3);
        for (int length = 0; length <= 300; length++) {
            var message = new byte[length];
            random.nextBytes(message);
            var expected = MessageDigest.getInstance("SHA-256").digest(message);
            int cut = length == 0 ? 0 : random.nextInt(length + 1);

            var inPieces = new Sha256Digest().update(message, 0, cut).update(message, cut, length - cut).digest();

            assertThat(Sha256Digest.of(message)).as("%d bytes", length).isEqualTo(expected);
            assertThat(inPieces).as("%d bytes cut at %d", length, cut).isEqualTo(expected);
        }
    }

    @Test
    void aCopyGoesOnFromTheSameBytesWithoutChangingItsOriginal() throws Exception {
        var start = new Sha256Digest().update("the key's block".getBytes(StandardCharsets.UTF_8));

        var one = start.copy().update(" and one message".getBytes(StandardCharsets.UTF_8)).digest();
        var other = start.copy().update(" and another".getBytes(StandardCharsets.UTF_8)).digest();

        assertThat(HEX.formatHex(one)).isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256")
                .digest("the key's block and one message".getBytes(StandardCharsets.UTF_8))));
        assertThat(HEX.formatHex(other)).isEqualTo(HEX.formatHex(MessageDigest.getInstance("SHA-256")
                .digest("the key's block and another".getBytes(StandardCharsets.UTF_8))));
        assertThat(start.copy().digest()).isEqualTo(MessageDigest.getInstance("SHA-256")
                .digest("the key's block".getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(String text) {
        return HEX.formatHex(Sha256Digest.of(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
