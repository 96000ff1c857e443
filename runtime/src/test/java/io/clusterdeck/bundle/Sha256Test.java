package io.clusterdeck.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path folder;

    @Test
    void hashOfAFileIsItsSha256InLowerCaseHex() throws IOException {
        Path file = Files.writeString(folder.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);

        assertThat(Sha256.of(file)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashOfAFileLargerThanTheBufferEqualsTheHashOfItsBytes() throws IOException {
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(folder.resolve("big.bin"), bytes);

        assertThat(Sha256.of(file)).isEqualTo(Sha256.of(bytes)).hasSize(64);
    }
}
