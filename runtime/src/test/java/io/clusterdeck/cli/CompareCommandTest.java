package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code compare} refuses before it launches anything. */
class CompareCommandTest {
    private static final String WEBSHOP = "../designs/webshop.json";
    private static final String MERGED = "../designs/webshop-merged.json";
    private static final String HELLO = "../designs/hello.json";

    @Test
    void aFunctionTheLoadCallsMustBePublicInBothDesigns() {
        var cli = Cli.run("compare", WEBSHOP, HELLO);

        assertThat(cli.exitCode()).isEqualTo(Main.USAGE);
        assertThat(cli.err()).contains("hello has no public function catalog/search; both designs must offer every function the load calls");
    }

    @Test
    void aMixWeightThatIsNotANumberIsAUsageError() {
        var cli = Cli.run("compare", WEBSHOP, MERGED, "--mix", "catalog/search=lots");

        assertThat(cli.exitCode()).isEqualTo(Main.USAGE);
        assertThat(cli.err()).contains("--mix catalog/search=lots: the weight after '=' must be a number");
    }

    @Test
    void aPrivateFunctionCannotBeInTheMix() {
        var cli = Cli.run("compare", WEBSHOP, MERGED, "--mix", "catalog/price=1");

        assertThat(cli.exitCode()).isEqualTo(Main.USAGE);
        assertThat(cli.err()).contains("webshop has no public function catalog/price");
    }

    @Test
    void aRateOutOfBoundsIsAUsageError() {
        var cli = Cli.run("compare", WEBSHOP, MERGED, "--rate", "0");

        assertThat(cli.exitCode()).isEqualTo(Main.USAGE);
        assertThat(cli.err()).contains("rate must be above 0 and at most 10000 calls a second, was 0.0");
    }

    @Test
    void aDesignWithProblemsIsNamedAndNothingRuns() {
        var cli = Cli.run("compare", WEBSHOP, "../designs/design.schema.json");

        assertThat(cli.exitCode()).isEqualTo(Main.INVALID);
        assertThat(cli.err()).contains("design.schema.json");
    }
}
