package io.clusterdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path folder;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    @Test
    void unknownRoleIsAUsageError() throws Exception {
        var config = Files.writeString(folder.resolve("c.json"), "{}");

        assertThat(run("run", "balancer", "--config", config.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).isEqualTo("clusterdeck: unknown role 'balancer': expected repository, gateway, worker, "
                + "proxy or standalone" + System.lineSeparator());
    }

    @Test
    void missingConfigFileIsAUsageError() {
        assertThat(run("run", "gateway", "--config", folder.resolve("none.json").toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("none.json: no such file");
    }

    @Test
    void configForAnotherRoleIsInvalid() throws Exception {
        var config = Files.writeString(folder.resolve("c.json"), "{\"role\":\"repository\",\"name\":\"repository\","
                + "\"host\":\"127.0.0.1\",\"port\":0}");

        assertThat(run("run", "gateway", "--config", config.toString())).isEqualTo(Main.INVALID);
        assertThat(err.toString()).contains("this is a repository config, not a gateway config");
    }

    @Test
    void portOutOfRangeIsAUsageError() throws Exception {
        var config = Files.writeString(folder.resolve("c.json"), "{}");

        assertThat(run("run", "repository", "--config", config.toString(), "--port", "70000")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--port must be between 0 and 65535, was 70000");
    }

    @Test
    void gatewayWithoutClusterKeyIsAUsageError() throws Exception {
        var config = Files.writeString(folder.resolve("c.json"), "{\"role\":\"gateway\",\"name\":\"gateway\","
                + "\"host\":\"127.0.0.1\",\"port\":0,\"requestTimeoutMs\":1000,\"retries\":1,\"maxBodyBytes\":4096,"
                + "\"clusterKeyFile\":\"" + folder.resolve("no.key") + "\"}");

        assertThat(run("run", "gateway", "--config", config.toString())).as(err.toString()).isEqualTo(Main.USAGE);
        assertThat(err.toString()).startsWith("clusterdeck: cannot read the cluster key file ");
    }
}
