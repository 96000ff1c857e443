package io.clusterdeck.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path temp;

    @Test
    void theNewestFileComesFirstAndOnlyOnce() throws Exception {
        var recent = new RecentFiles(temp.resolve("recent.txt"));
        Path a = Files.writeString(temp.resolve("a.json"), "{}");
        Path b = Files.writeString(temp.resolve("b.json"), "{}");

        recent.add(a);
        recent.add(b);
        recent.add(a);

        assertThat(new RecentFiles(temp.resolve("recent.txt")).list()).containsExactly(a, b);
    }

    @Test
    void filesThatNoLongerExistAreLeftOut() throws Exception {
        var recent = new RecentFiles(temp.resolve("recent.txt"));
        Path gone = Files.writeString(temp.resolve("gone.json"), "{}");
        recent.add(gone);
        Files.delete(gone);

        assertThat(recent.list()).isEmpty();
    }

    @Test
    void onlyTheLastTenAreKept() throws Exception {
        var recent = new RecentFiles(temp.resolve("recent.txt"));
        var files = new ArrayList<Path>();
        for (int i = 0; i < 12; i++) {
            files.add(Files.writeString(temp.resolve(i + ".json"), "{}"));
            recent.add(files.get(i));
        }

        assertThat(recent.list()).hasSize(RecentFiles.LIMIT).startsWith(files.get(11)).doesNotContain(files.get(1));
    }
}
