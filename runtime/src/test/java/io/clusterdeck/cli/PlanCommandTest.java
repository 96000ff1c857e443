package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    private static final String WEBSHOP = "../designs/webshop.json";

    @Test
    void planPrintsEveryProcessWithItsPort() {
        var cli = Cli.run("plan", WEBSHOP, "--cores", "2");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains(
                "NAME                 ROLE        SEGMENT     PORT  URL",
                "gateway              gateway     -           7401  http://127.0.0.1:7401",
                "worker-images-3      worker      images      7416  http://127.0.0.1:7416",
                "Entry: http://127.0.0.1:7400");
        assertThat(cli.out().lines().filter(l -> l.matches("^(repository|gateway|worker-|proxy).*"))).hasSize(10);
    }

    @Test
    void planAsJsonHoldsEachProcessWithItsConfig() throws IOException {
        var cli = Cli.run("plan", WEBSHOP, "--json");

        var plan = new ObjectMapper().readTree(cli.out());
        assertThat(plan.get("design").asText()).isEqualTo("webshop");
        assertThat(plan.get("processes")).hasSize(10);
        assertThat(plan.get("processes").get(1).get("config").get("role").asText()).isEqualTo("gateway");
    }

    @Test
    void planningTwiceGivesTheSameOutput() {
        assertThat(Cli.run("plan", WEBSHOP, "--json").out()).isEqualTo(Cli.run("plan", WEBSHOP, "--json").out());
    }

    @Test
    void coresBelowOneIsAUsageError() {
        var cli = Cli.run("plan", WEBSHOP, "--cores", "0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("clusterdeck: --cores must be at least 1, was 0\n");
    }
}
