package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchCommandTest {
    @Test
    void aPlainLaunchIsReadWithoutTheCommandLineWithItsOptionsInAnyOrder() {
        var bare = LaunchCommand.plain(new String[] {"launch", "shop.json"}).orElseThrow();
        var both = LaunchCommand.plain(new String[] {"launch", "--exit-when-ready", "shop.json", "--no-cds"}).orElseThrow();

        assertThat(bare.design).isEqualTo(Path.of("shop.json"));
        assertThat(bare.noCds).isFalse();
        assertThat(bare.exitWhenReady).isFalse();
        assertThat(both.design).isEqualTo(Path.of("shop.json"));
        assertThat(both.noCds).isTrue();
        assertThat(both.exitWhenReady).isTrue();
    }

    @Test
    void everyOtherFormIsLeftToTheCommandLineToReadAndReport() {
        for (var args : new String[][] {{"launch"}, {"launch", "--help"}, {"launch", "shop.json", "-h"},
                {"launch", "shop.json", "--bogus"}, {"launch", "a.json", "b.json"}, {"launch", "--no-cds"},
                {"launch", "shop.json", "--no-cds", "--no-cds"}, {"launch", "@arguments.txt"}, {"launch", ""},
                {"plan", "shop.json"}, {}}) {
            assertThat(LaunchCommand.plain(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aPlainLaunchOfAMissingDesignIsTheSameUsageErrorTheCommandLineGives() {
        var command = LaunchCommand.plain(new String[] {"launch", "no-such-design.json"}).orElseThrow();
        var out = new StringWriter();

        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> command.run(new PrintWriter(out), new PrintWriter(new StringWriter())), UsageException.class);
        var cli = Cli.run("launch", "no-such-design.json");

        assertThat(thrown).hasMessage("no-such-design.json: no such file");
        assertThat(cli.exitCode()).isEqualTo(Main.USAGE);
        assertThat(cli.err()).contains("clusterdeck: " + thrown.getMessage());
        assertThat(out.toString()).isEmpty();
    }
}
