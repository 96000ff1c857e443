package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @MethodSource("io.clusterdeck.design.DesignSchemaTest#exampleDesigns")
    void exampleDesignIsValid(Path design) {
        var cli = Cli.run("validate", design.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith(design + ": valid: ");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void invalidDesignExitsOneAndListsEveryProblemWithFileLineAndColumn() throws IOException {
        var file = folder.resolve("bad.json");
        Files.writeString(file, """
                {
                  "version": 1,
                  "name": "bad",
                  "functions": [{ "name": "a/b", "simulate": { "errorRate": 2 } }],
                  "segments": [{ "name": "s", "functions": ["a/b"], "balancing": "fastest" }]
                }
                """);

        var cli = Cli.run("validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).containsExactly(
                file + ":4:61: functions[0].simulate.errorRate: must be between 0 and 1, was 2",
                file + ":5:66: segments[0].balancing: unknown balancing strategy 'fastest'; expected one of round-robin, least-requests, weighted, sticky");
        assertThat(cli.out()).isEqualTo(file + ": 2 problems\n");
    }

    @Test
    void secondJsonValueAfterTheDesignIsAProblemWhereItStarts() throws IOException {
        var design = Files.readString(Path.of("..", "designs", "hello.json"));
        var file = folder.resolve("two.json");
        Files.writeString(file, design + "{\"name\": \"second\"}\n");

        var cli = Cli.run("validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).containsExactly(file + ":" + (design.lines().count() + 1)
                + ":1: $: malformed JSON: more follows the first JSON value; a file holds exactly one");
    }

    @Test
    void aDesignThatCannotBeReadWholeStillHasItsCallsCheckedInTheSameRun() throws IOException {
        var file = folder.resolve("mixed.json");
        Files.writeString(file, """
                {
                  "version": 1,
                  "name": "mixed",
                  "owner": "me",
                  "functions": [{ "name": "a/b", "calls": ["a/nowhere"], "simulate": {} }],
                  "segments": [{ "name": "s", "functions": ["a/b"], "workers": 0 }]
                }
                """);

        var cli = Cli.run("validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).containsExactly(
                file + ":4:3: owner: unknown key 'owner'; expected one of version, name, description, mode, bundles, "
                        + "functions, segments, gateway, proxy, repository, network, ports, layout, auth",
                file + ":5:44: functions[0].calls[0]: unknown function 'a/nowhere'",
                file + ":6:64: segments[0].workers: must be between 1 and 256 or \"cores\", was 0");
        assertThat(cli.out()).isEqualTo(file + ": 3 problems\n");
    }

    @Test
    void missingFileIsAUsageErrorWithOneLine() {
        var cli = Cli.run("validate", folder.resolve("nope.json").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("clusterdeck: " + folder.resolve("nope.json") + ": no such file\n");
    }

    @Test
    void unknownFlagIsAUsageErrorWithoutAStackTrace() {
        var cli = Cli.run("validate", "--strict", "designs/webshop.json");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("clusterdeck: Unknown option: '--strict'\n").doesNotContain("at io.");
    }

    @Test
    void folderInsteadOfAFileIsAUsageError() {
        var cli = Cli.run("validate", folder.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("clusterdeck: " + folder + ": is a folder, not a design file\n");
    }

    @Test
    void helpListsTheCommands() {
        var cli = Cli.run("--help");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("validate", "plan");
    }
}
