package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.ServiceConfig;
import io.clusterdeck.plan.ServiceConfigs;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeExportTest {
    @TempDir
    Path temp;

    @Test
    void everyPlannedProcessGetsTheConfigThePlanGivesIt() {
        var design = ExampleDesigns.load(ExampleDesigns.file("webshop"));
        var plan = Planner.plan(design, PlanOptions.local(ExampleDesigns.FOLDER).withCores(ExportOptions.DEFAULT_CORES));

        var export = ExampleDesigns.render("webshop", Target.RUNTIME);

        assertThat(export.paths()).hasSize(plan.processes().size() + 1).startsWith(RuntimeExport.README);
        assertThat(plan.processes()).allSatisfy(p -> {
            var text = export.content(p.name() + ".json");
            assertThat(text).isEqualTo(ServiceConfigs.toJson(p.config()));
            assertThat(ServiceConfigs.parse(text, p.name() + ".json", p.role()).problems()).isEmpty();
        });
    }

    @Test
    void theReadmeSaysHowToGiveTheKeyAndStartEachServiceInPlanOrder() {
        var readme = ExampleDesigns.render("webshop", Target.RUNTIME).content(RuntimeExport.README);

        assertThat(readme).contains("export " + ServiceConfig.CLUSTER_KEY_ENV + "=");
        assertThat(readme).containsSubsequence(
                "run repository --config repository.json",
                "run gateway --config gateway.json",
                "run worker --config worker-storefront-1.json",
                "-Xmx96m -jar clusterdeck.jar run worker --config worker-images-3.json",
                "run proxy --config proxy.json");
        assertThat(readme).contains("Clients call http://127.0.0.1:7400.");
    }

    @Test
    void theProxyConfigNamesTheDesignsSecretFileAndTheReadmeSaysWhatGoesThere() {
        var export = ExampleDesigns.render("bundle-demo", Target.RUNTIME);
        var secretFile = ExampleDesigns.FOLDER.resolve("bundle-demo.secret").toString();

        assertThat(export.content("proxy.json")).contains("\"secretFile\": \"" + secretFile + "\"");
        assertThat(export.content(RuntimeExport.README)).containsSubsequence("## 1. The cluster key",
                "## 2. End users' tokens", "reads from `" + secretFile + "`",
                "(umask 077 && openssl rand -base64 48 > " + secretFile + ")",
                "## 3. Start the services, in this order", "run proxy --config proxy.json");
    }

    @Test
    void aSecretInTheEnvironmentIsNamedInTheReadmeAndNeverHeld() throws IOException {
        var secret = SignInDesigns.randomSecret();
        var export = SignInDesigns.render(SignInDesigns.write(temp, SignInDesigns.Keys.SECRET_ENV, secret),
                Target.RUNTIME);

        assertThat(export.content("proxy.json")).contains("\"secretEnv\": \"SIGNIN_SECRET\"");
        assertThat(export.content(RuntimeExport.README))
                .contains("the environment variable `SIGNIN_SECRET`", "export SIGNIN_SECRET=\"$(openssl rand -base64 48)\"");
        assertThat(export.files()).allSatisfy(f -> assertThat(f.content()).doesNotContain(secret));
    }

    @Test
    void withAKeyFileTheConfigsNameItAndNeverHoldTheKey() throws IOException {
        var file = ExampleDesigns.file("hello");
        var design = ExampleDesigns.load(file);
        var options = ExportOptions.DEFAULT.withClusterKeyFile("/etc/hello/cluster-key");

        var export = Exporter.render(design, DesignSource.of(design.name(), file), Target.RUNTIME, options);

        assertThat(export.content("standalone.json")).contains("\"clusterKeyFile\": \"/etc/hello/cluster-key\"");
        assertThat(export.content(RuntimeExport.README)).contains("head -c 32 /dev/urandom | base64 > /etc/hello/cluster-key");
    }
}
