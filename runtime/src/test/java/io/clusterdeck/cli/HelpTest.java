package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpTest {
    @Test
    void everyParagraphOfEveryCommandsDescriptionEndsAsASentenceDoes() {
        var commands = Main.commandLine().getSubcommands();

        assertThat(commands).containsKeys("launch", "load", "profile", "compare", "token");
        commands.forEach((name, command) -> {
            // The list of commands shows each one's first paragraph alone: it must not stop mid-sentence.
            for (var paragraph : command.getCommandSpec().usageMessage().description()) {
                assertThat(paragraph.replace("%n", "").strip()).as("a paragraph of %s's description", name).matches("(?s).*[.)]$");
            }
        });
    }

    @Test
    void theListOfCommandsShowsEachOnesSummaryWhole() {
        var help = Cli.run("--help").out();

        assertThat(help).contains("report throughput,\n              errors and latency.")
                .contains("Record a profile of the running launch, for `clusterdeck advise`.");
    }
}
