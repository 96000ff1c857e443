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
    void planEndsWithTheGatewayHopsOfEachPublicFunction() {
        var cli = Cli.run("plan", WEBSHOP, "--cores", "2");

        assertThat(cli.out()).endsWith("""
                Gateway hops per call of each public function (hop latency 0.5 ms)

                FUNCTION          SEGMENT     HOPS/CALL  ADDED MS
                catalog/search    storefront  0          0
                catalog/product   storefront  0          0
                cart/add          storefront  0          0
                cart/view         storefront  0          0
                orders/checkout   orders      1          0.5
                images/thumbnail  images      0          0

                Mean per public function: 0.17 hops, 0.083 ms
                """);
    }

    @Test
    void planAsJsonCarriesTheHopsAndTheirMean() throws IOException {
        var hops = new ObjectMapper().readTree(Cli.run("plan", WEBSHOP, "--json").out()).get("hops");

        assertThat(hops.get("hopLatencyMs").asDouble()).isEqualTo(0.5);
        assertThat(hops.get("functions").get(4).get("function").asText()).isEqualTo("orders/checkout");
        assertThat(hops.get("functions").get(4).get("hops").asLong()).isEqualTo(1);
        assertThat(hops.get("meanHops").asDouble()).isEqualTo(1 / 6.0);
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
