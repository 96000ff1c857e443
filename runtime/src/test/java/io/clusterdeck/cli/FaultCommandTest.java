package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultCommandTest {
    @Test
    void anUnknownFaultIsAUsageErrorThatNamesEveryFault() {
        var cli = Cli.run("fault", "explode", "worker-images-2");

        assertThat(cli.exitCode()).isEqualTo(Main.USAGE);
        assertThat(cli.err()).isEqualTo("clusterdeck: unknown fault 'explode'; expected one of kill, stop, pause, "
                + "resume, unhealthy, healthy, latency, restart" + System.lineSeparator());
    }
}
