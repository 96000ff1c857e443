package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.lab.AdviceOptions;
import io.clusterdeck.lab.Advisor;
import io.clusterdeck.lab.ProfileFiles;
import io.clusterdeck.lab.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviseCommandTest {
    private static final String WEBSHOP = "../designs/webshop.json";

    @TempDir
    Path folder;
    private Path profile;

    @BeforeEach
    void recordAProfile() throws IOException {
        profile = folder.resolve("webshop-profile.json");
        ProfileFiles.write(Profiles.webshop(), profile);
    }

    @Test
    void adviceIsNumberedWithItsEvidenceAndExpectedEffect() {
        var cli = Cli.run("advise", WEBSHOP, "--profile", profile.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).isEqualTo("""
                Advice for design 'webshop' from a 60 s profile (target utilisation 60%, 1 core per worker): 3 suggestions

                1. merge: 'storefront', 'orders'
                   Merge 'orders' into 'storefront': 'orders' calls 'storefront' on most requests, through the gateway, \
                and the two do alike work.
                   Evidence: 'orders' calls 'storefront' 1x per call of its entry functions (orders/checkout), 5 calls/s; \
                CPU per call 1.33 ms in 'orders' and 0.9 ms in 'storefront' (1.48x).
                   Effect: Those calls stay inside the worker; mean gateway hops per public call 0.17 -> 0 (-0.083 ms a \
                call); 'storefront' runs 4 workers until sizing says otherwise.

                2. size: 'storefront'
                   Lower 'storefront' from 4 to 2 workers (2 so that one can fail): it is over-provisioned for the \
                measured load.
                   Evidence: 0.32 cores of CPU demand measured (catalog/search 50 calls/s x 2 ms, catalog/price 165 \
                calls/s x 0.5 ms, catalog/product 80 calls/s x 1 ms); 1 worker of 1 core carries it at 60%.
                   Effect: Utilisation at the measured load 8% -> 16% (target 60%).

                3. size: 'images'
                   Lower 'images' from 3 to 2 workers: it is over-provisioned for the measured load.
                   Evidence: 1.2 cores of CPU demand measured (images/thumbnail 30 calls/s x 40 ms); 2 workers of 1 \
                core carry it at 60%.
                   Effect: Utilisation at the measured load 40% -> 60% (target 60%).
                """);
    }

    @Test
    void outWritesTheAdvisedDesignAsAValidDesignFile() throws IOException {
        var out = folder.resolve("advised.json");

        var cli = Cli.run("advise", WEBSHOP, "--profile", profile.toString(), "--out", out.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).endsWith("\nWrote the advised design to " + out + " (3 edits applied).\n");
        var written = DesignFiles.load(out).orThrow();
        var webshop = DesignFiles.load(Path.of(WEBSHOP)).orThrow();
        assertThat(written).isEqualTo(Advisor.apply(webshop, Advisor.advise(webshop, Profiles.webshop(),
                AdviceOptions.DEFAULT)));
        assertThat(written.segments()).extracting(s -> s.name() + "=" + s.workers()).containsExactly("storefront=2",
                "images=2");
        assertThat(Cli.run("validate", out.toString()).exitCode()).isZero();
    }

    @Test
    void adviceAsJsonHoldsKindsSegmentsFiguresAndWhetherItChangesTheDesign() throws IOException {
        var cli = Cli.run("advise", WEBSHOP, "--profile", profile.toString(), "--json", "--cores", "2",
                "--target-utilisation", "0.5");

        var report = new ObjectMapper().readTree(cli.out());
        assertThat(report.get("design").asText()).isEqualTo("webshop");
        assertThat(report.get("options").get("coresPerWorker").asInt()).isEqualTo(2);
        var first = report.get("advice").get(0);
        assertThat(first.get("kind").asText()).isEqualTo("merge");
        assertThat(first.get("changesDesign").asBoolean()).isTrue();
        assertThat(first.get("figures").get(0).get("name").asText()).isEqualTo("callsPerRequest");
        assertThat(first.has("edit")).isFalse();
    }

    @Test
    void profileOfAnotherDesignIsAdvisedWithAWarning() throws IOException {
        var other = folder.resolve("other.json");
        Files.writeString(other, Files.readString(profile).replace("\"design\": \"webshop\"", "\"design\": \"shop\""));

        var cli = Cli.run("advise", WEBSHOP, "--profile", other.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEqualTo("clusterdeck: warning: " + other + " is a profile of design 'shop', not"
                + " 'webshop'; advice for functions it does not measure rests on nothing\n");
    }

    @Test
    void profileThatIsNotJsonIsOneLineNamingFileAndLineAndExitsTwo() throws IOException {
        var broken = Files.writeString(folder.resolve("broken.json"), "{\n  \"version\": 1,\n  \"design\": \n}\n");

        var cli = Cli.run("advise", WEBSHOP, "--profile", broken.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("clusterdeck: " + broken + ":4:1: $: malformed JSON: ").hasLineCount(1);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void fileThatIsNotAProfileIsOneLineNamingFileLineAndFieldAndExitsTwo() {
        var cli = Cli.run("advise", WEBSHOP, "--profile", WEBSHOP);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).hasLineCount(1)
                .startsWith("clusterdeck: " + WEBSHOP + ":1:1: seconds: is required (and ").endsWith(" more problems)\n");
    }

    @Test
    void profileWhoseValuesBreakARuleIsOneLineNamingFileLineAndFieldAndExitsTwo() throws IOException {
        var zero = Files.writeString(folder.resolve("zero.json"),
                Files.readString(profile).replaceFirst("\"seconds\" ?: ?[0-9.]+", "\"seconds\": 0"));

        var cli = Cli.run("advise", WEBSHOP, "--profile", zero.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).hasLineCount(1).startsWith("clusterdeck: " + zero + ":4:")
                .endsWith(": seconds: must be above 0, was 0.0\n");
    }

    @Test
    void profileWithANegativeFigureNamesTheFunctionsField() throws IOException {
        var negative = Files.writeString(folder.resolve("negative.json"),
                Files.readString(profile).replaceFirst("\"cpuMsPerCall\" ?: ?[0-9.]+", "\"cpuMsPerCall\": -1"));

        var cli = Cli.run("advise", WEBSHOP, "--profile", negative.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).hasLineCount(1).startsWith("clusterdeck: " + negative + ":")
                .endsWith(": functions[0].cpuMsPerCall: must be 0 or more, was -1.0\n");
    }

    @Test
    void missingProfileIsAUsageError() {
        var cli = Cli.run("advise", WEBSHOP, "--profile", folder.resolve("none.json").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("clusterdeck: " + folder.resolve("none.json") + ": no such file\n");
    }

    @Test
    void targetUtilisationAboveOneIsAUsageError() {
        var cli = Cli.run("advise", WEBSHOP, "--profile", profile.toString(), "--target-utilisation", "1.5");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("clusterdeck: --target-utilisation must be above 0 and at most 1, was 1.5\n");
    }

    @Test
    void helpListsAdvise() {
        assertThat(Cli.run("--help").out()).contains("advise");
    }
}
