package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    @TempDir
    Path folder;

    @Test
    void pruningRemovesArchivesUnusedForAWeekAndAbandonedTemporariesOnly() throws IOException {
        var stale = file("clusterdeck-aaaa-worker.jsa", Duration.ofDays(8));
        var recent = file("clusterdeck-bbbb-worker.jsa", Duration.ofDays(6));
        var abandoned = Files.createDirectories(folder.resolve("clusterdeck-bbbb-launcher.jsa.123.tmp"));
        Files.writeString(abandoned.resolve("worker.jsa"), "part");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        var inProgress = file("clusterdeck-bbbb-launcher.jsa.456.tmp", Duration.ofMinutes(1));
        var foreign = file("other.jsa", Duration.ofDays(30));

        ClassDataArchive.prune(folder);

        assertThat(stale).doesNotExist();
        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        assertThat(inProgress).exists();
        assertThat(foreign).exists();
    }

    @Test
    void aLaunchMarksEveryPartOfTheArchiveItStartsFromAsUsed() throws IOException {
        var jar = Files.createFile(folder.resolve("clusterdeck.jar"));
        var jvm = new JvmCommand(LaunchOptions.defaults().withHome(folder).withClasspath(jar.toString()));
        for (var part : JvmCommand.parts()) {
            Files.writeString(jvm.archive(part), "archive");
            Files.setLastModifiedTime(jvm.archive(part), FileTime.from(Instant.now().minus(Duration.ofDays(6))));
        }

        new ClassDataArchive(jvm).markUsed();

        for (var part : JvmCommand.parts()) {
            assertThat(Files.getLastModifiedTime(jvm.archive(part)).toInstant()).isAfter(Instant.now().minusSeconds(60));
        }
    }

    private Path file(String name, Duration age) throws IOException {
        var file = Files.writeString(folder.resolve(name), name);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
