package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.RepositorySettings;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.plan.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerPlanTest {
    @Test
    void bundlesAndAssetsAreReadFromTheExportsCopiesWhereverTheDesignKeepsThem() {
        var design = ExampleDesigns.load(ExampleDesigns.file("webshop"))
                .withBundles(List.of(new Bundle("shop", "../shop/target/shop.jar", null)))
                .withRepository(new RepositorySettings("public"));
        var source = new DesignSource(design.name(), "0".repeat(64), ExampleDesigns.FOLDER);

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, "/run/secrets/cluster-key");
        var composeText = Exporter.render(design, source, Target.COMPOSE, ExportOptions.DEFAULT)
                .content(ComposeExport.COMPOSE);
        var compose = ComposeSchema.read(composeText);

        var repository = (RepositoryConfig) services.stream().filter(s -> s.role() == Role.REPOSITORY)
                .findFirst().orElseThrow().config();
        assertThat(repository.assets()).isEqualTo("/srv/clusterdeck/assets");
        assertThat(repository.bundles().get(0).path()).isEqualTo("/srv/clusterdeck/bundles/shop.jar");
        assertThat(ContainerPlan.designFiles(design, source)).containsExactly(
                ExportFile.copy("bundles/shop.jar", ExampleDesigns.FOLDER.resolveSibling("shop").resolve("target/shop.jar")),
                ExportFile.copy("assets", ExampleDesigns.FOLDER.resolve("public")));
        assertThat(compose.at("/services/repository/volumes").toString()).isEqualTo("[\"cluster-key:/var/lib/clusterdeck/keys:ro\","
                + "\"./bundles:/srv/clusterdeck/bundles:ro\",\"./assets:/srv/clusterdeck/assets:ro\"]");
        assertThat(compose.at("/services/worker-orders/volumes").size()).isEqualTo(1);
        assertThat(ComposeSchema.problems(composeText)).isEmpty();
    }

    @Test
    void replicasOfASegmentShareOneConfigNamedForTheirService() {
        var design = ExampleDesigns.load(ExampleDesigns.file("failover-lab"));

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, null);

        assertThat(services).extracting(ContainerService::name).containsExactly("repository", "gateway",
                "worker-api", "worker-reports", "proxy");
        assertThat(services).extracting(ContainerService::replicas).containsExactly(1, 1, 3, 2, 1);
        assertThat(services).extracting(s -> s.config().name()).containsExactly("repository", "gateway",
                "worker-api", "worker-reports", "proxy");
        assertThat(services).allSatisfy(s -> assertThat(s.config().host()).isEqualTo("0.0.0.0"));
        var proxy = (ProxyConfig) ContainerPlan.entry(services).config();
        assertThat(proxy.rpcUrl()).isEqualTo("http://gateway:7501");
        assertThat(proxy.repositoryUrl()).isEqualTo("http://repository:7502");
    }
}
