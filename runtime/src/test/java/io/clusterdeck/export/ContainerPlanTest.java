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
    void bundlesAndAssetsPointIntoTheDesignFolderOfTheContainerWhichComposeMountsReadOnly() {
        var design = ExampleDesigns.load(ExampleDesigns.file("webshop"))
                .withBundles(List.of(new Bundle("shop", "bundles/shop.jar", null)))
                .withRepository(new RepositorySettings("public"));
        var source = new DesignSource(design.name(), "0".repeat(64), ExampleDesigns.FOLDER);

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, "/run/secrets/cluster-key");
        var composeText = Exporter.render(design, source, Target.COMPOSE, ExportOptions.DEFAULT)
                .content(ComposeExport.COMPOSE);
        var compose = ComposeSchema.read(composeText);

        var repository = (RepositoryConfig) services.stream().filter(s -> s.role() == Role.REPOSITORY)
                .findFirst().orElseThrow().config();
        assertThat(repository.assets()).isEqualTo("/srv/clusterdeck/design/public");
        assertThat(repository.bundles().get(0).path()).isEqualTo("/srv/clusterdeck/design/bundles/shop.jar");
        assertThat(compose.at("/services/repository/volumes/0").asText()).isEqualTo(
                "${CLUSTERDECK_DESIGN_DIR:?set CLUSTERDECK_DESIGN_DIR to the design's folder}:/srv/clusterdeck/design:ro");
        assertThat(compose.at("/services/worker-orders/volumes").isMissingNode()).isTrue();
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
