package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    private static final Path WEBSHOP = Path.of("..", "designs", "webshop.json");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void exportingAValidDesignWritesTheTargetsFilesAndSaysWhere() {
        var dir = temp.resolve("k8s");

        int code = run("export", WEBSHOP.toString(), "--target", "kubernetes", "--out", dir.toString());

        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString()).isEqualTo("Exported design 'webshop' for kubernetes: 13 files in " + dir + "\n");
        assertThat(dir.resolve("worker-images.yaml")).exists();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aDesignWithProblemsExitsOneListingEveryProblemAndWritesNothing() throws IOException {
        var design = temp.resolve("broken.json");
        Files.writeString(design, """
                {
                  "version": 1,
                  "name": "broken",
                  "functions": [ { "name": "a/b", "access": "public", "simulate": { "cpuMs": 1 } } ],
                  "segments": [ { "name": "one", "functions": [] }, { "name": "two", "functions": ["a/c"] } ]
                }
                """);
        var dir = temp.resolve("out");

        int code = run("export", design.toString(), "--target", "compose", "--out", dir.toString());

        assertThat(code).isEqualTo(Main.INVALID);
        assertThat(err.toString().lines()).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(l -> assertThat(l).contains("segment 'one' has no functions"))
                .allSatisfy(l -> assertThat(l).startsWith(design.toString() + ":"));
        assertThat(dir).doesNotExist();
    }

    @Test
    void anUnknownTargetIsAUsageErrorOfOneLine() {
        int code = run("export", WEBSHOP.toString(), "--target", "swarm", "--out", temp.toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString())
                .isEqualTo("clusterdeck: unknown --target 'swarm'; expected one of runtime, compose, kubernetes\n");
    }

    @Test
    void aMissingDesignFileIsAUsageError() {
        int code = run("export", "nowhere.json", "--target", "runtime", "--out", temp.toString());

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).isEqualTo("clusterdeck: nowhere.json: no such file\n");
    }

    @Test
    void aMissingBundleIsOneLineNamingItAndExitsOneWritingNothing() throws IOException {
        var design = Files.createDirectories(temp.resolve("designs")).resolve("bundle-demo.json");
        Files.copy(Path.of("..", "designs", "bundle-demo.json"), design);
        var dir = temp.resolve("out");

        int code = run("export", design.toString(), "--target", "compose", "--out", dir.toString());

        assertThat(code).isEqualTo(Main.INVALID);
        assertThat(err.toString()).isEqualTo("clusterdeck: " + temp.resolve("examples/target/clusterdeck-examples.jar")
                + ": the export copies it to bundles/examples.jar; build or place it, then export again\n");
        assertThat(out.toString()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void aKeyFileIsOnlyForTheRuntimeTarget() {
        int code = run("export", WEBSHOP.toString(), "--target", "compose", "--out", temp.toString(),
                "--cluster-key-file", "/etc/key");

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).isEqualTo(
                "clusterdeck: --cluster-key-file is for --target runtime; compose mounts the key as a secret\n");
    }

    @Test
    void aMissingOutOptionIsAUsageError() {
        int code = run("export", WEBSHOP.toString(), "--target", "runtime");

        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString()).startsWith("clusterdeck: Missing required option: '--out=DIR'");
    }
}
