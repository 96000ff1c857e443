package io.clusterdeck.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.json.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DesignFilesTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @MethodSource("io.clusterdeck.design.DesignSchemaTest#exampleDesigns")
    void exampleDesignSurvivesAWriteAndReadUnchanged(Path file) {
        var design = DesignFiles.load(file).orThrow();

        var again = DesignFiles.parse(DesignFiles.toJson(design), "again.json").orThrow();

        assertThat(again).isEqualTo(design);
        assertThat(DesignFiles.toJson(again)).isEqualTo(DesignFiles.toJson(design));
    }

    @Test
    void writtenDesignIsValidAgainstTheSchema() {
        var design = DesignFiles.load(Path.of("..", "designs", "webshop.json")).orThrow();

        assertThat(DesignSchema.errors(DesignFiles.toJson(design))).isEmpty();
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        var file = folder.resolve("shop.json");
        Files.writeString(file, "old");
        var design = DesignFiles.load(Path.of("..", "designs", "hello.json")).orThrow();

        DesignFiles.save(design, file);

        assertThat(DesignFiles.load(file).orThrow()).isEqualTo(design);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void failedSaveLeavesTheOldFileIntactAndNoTemporaryFile() throws IOException {
        var file = folder.resolve("shop.json");
        Files.writeString(file, "old");
        // A folder where the file should be makes the final move fail after the new text was written.
        var blocked = folder.resolve("blocked.json");
        Files.createDirectories(blocked.resolve("inside"));
        var design = DesignFiles.load(Path.of("..", "designs", "hello.json")).orThrow();

        assertThatThrownBy(() -> DesignFiles.save(design, blocked)).isInstanceOf(IOException.class);

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(blocked.resolve("inside")).isDirectory();
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactlyInAnyOrder(file, blocked);
        }
    }

    @Test
    void saveKeepsThePermissionsOfTheFileItReplaces() throws IOException {
        var file = folder.resolve("shop.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        var design = DesignFiles.load(Path.of("..", "designs", "hello.json")).orThrow();

        DesignFiles.save(design, file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aNewFileGetsTheUsersDefaultPermissionsLikeAnyOtherNewFile() throws IOException {
        var plain = Files.createFile(folder.resolve("plain.txt"));
        var file = folder.resolve("new.json");

        DesignFiles.save(DesignFiles.load(Path.of("..", "designs", "hello.json")).orThrow(), file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aFileWrittenWithPermissionsGetsThemWhateverItReplaces() throws IOException {
        var file = folder.resolve("key");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        DesignFiles.writeAtomically(file, "secret", PosixFilePermissions.fromString("rw-------"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("secret");
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        var parsed = DesignFiles.load(folder.resolve("nope.json"));

        assertThat(parsed.value()).isEmpty();
        assertThat(parsed.problems()).singleElement().hasToString(folder.resolve("nope.json") + ": $: no such file");
    }

    @Test
    void designWithOnlyCrossReferenceProblemsIsStillReadSoAnEditorCanFixIt() {
        var text = """
                {"version": 1, "name": "x", "functions": [{"name": "a/b", "simulate": {}}], "segments": []}""";

        var parsed = DesignFiles.parse(text, "x.json");

        assertThat(parsed.value()).isPresent();
        assertThat(parsed.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "functions[0]: function 'a/b' is in no segment",
                "segments: a design needs at least one segment");
    }

    @Test
    void everyProblemOfADocumentIsReportedAtOnce() {
        var text = """
                {"version": 1, "name": "Bad", "functions": [{"name": "a/b", "access": "open", "simulate": {"cpuMs": -1}}],
                 "segments": [{"name": "s", "functions": ["a/b"], "workers": 0}], "ports": {"base": 1}}""";

        var parsed = DesignFiles.parse(text, "x.json");

        assertThat(parsed.problems()).extracting(p -> p.path()).containsExactly(
                "name", "functions[0].access", "functions[0].simulate.cpuMs", "segments[0].workers", "ports.base");
    }

    @Test
    void problemsThatKeepADesignFromBeingReadDoNotHideItsCrossReferenceProblems() {
        var text = """
                {"version": 1, "name": "x", "colour": "blue",
                 "functions": [{"name": "a/b", "calls": ["a/missing"], "simulate": {}}],
                 "segments": [{"name": "s", "functions": ["a/b"], "workers": 0}]}""";

        var parsed = DesignFiles.parse(text, "x.json");

        assertThat(parsed.value()).isEmpty();
        assertThat(parsed.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactlyInAnyOrder(
                "colour: unknown key 'colour'; expected one of version, name, description, mode, bundles, functions, "
                        + "segments, gateway, proxy, repository, network, ports, layout, auth",
                "segments[0].workers: must be between 1 and 256 or \"cores\", was 0",
                "functions[0].calls[0]: unknown function 'a/missing'");
        assertThat(parsed.problems()).extracting(Problem::line).containsExactly(1, 2, 3);
    }

    @Test
    void aFunctionThatCannotBeReadIsStillKnownToTheSegmentsAndCallsThatNameIt() {
        var text = """
                {"version": 1, "name": "x",
                 "functions": [{"name": "a/b", "calls": ["a/c", "a/gone"], "simulate": {}},
                               {"name": "a/c", "simulate": {"cpuMs": -1}},
                               {"name": "a c", "simulate": {}},
                               {"name": "a/d"}],
                 "segments": [{"name": "s", "functions": ["a/b", "a/c", "a c", "a/d"]}]}""";

        var parsed = DesignFiles.parse(text, "x.json");

        assertThat(parsed.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "functions[0].calls[1]: unknown function 'a/gone'",
                "functions[1].simulate.cpuMs: must be between 0 and 60000, was -1",
                "functions[2].name: 'a c' is not a valid name: " + Names.FUNCTION_RULE,
                "functions[3]: function 'a/d' needs an implementation: 'simulate' or 'java'");
    }

    @Test
    void aListElementThatCannotBeReadKeepsThePlacesOfTheOthers() {
        var text = """
                {"version": 1, "name": "x",
                 "functions": [{"name": "a/b", "simulate": {}}, {"name": "a/c", "simulate": {}}],
                 "segments": [7, {"name": "s", "functions": ["a/b"]}, {"name": "t", "functions": ["a/b"]}]}""";

        var parsed = DesignFiles.parse(text, "x.json");

        assertThat(parsed.problems()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
                "functions[1]: function 'a/c' is in no segment",
                "segments[0]: expected an object, was 7",
                "segments[2].functions[0]: function 'a/b' is already in segment 's'; a function belongs to exactly one segment");
    }
}
