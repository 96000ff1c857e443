package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.RepositorySettings;
import io.clusterdeck.plan.ProxyConfig;
import io.clusterdeck.plan.RepositoryConfig;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.WorkerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerPlanTest {
    @TempDir
    Path temp;

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
    void theProxyReadsTheEndUsersSecretFromTheContainerPathWhereverTheDesignKeepsIt() {
        var design = ExampleDesigns.load(ExampleDesigns.file("bundle-demo"));

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, "/run/secrets/cluster-key");

        var auth = ((ProxyConfig) ContainerPlan.entry(services).config()).auth();
        assertThat(ContainerPlan.END_USER_SECRET_FILE).isEqualTo("/run/secrets/end-user-secret");
        assertThat(auth.secretFile()).isEqualTo(ContainerPlan.END_USER_SECRET_FILE);
        assertThat(auth.issuer()).isEqualTo("https://login.bundle-demo.example");
        assertThat(auth.audience()).isEqualTo("bundle-demo");
        assertThat(ContainerPlan.designFiles(design, new DesignSource(design.name(), "0".repeat(64),
                ExampleDesigns.FOLDER))).extracting(ExportFile::path).containsExactly("bundles/examples.jar");
    }

    @Test
    void aKeySetIsCopiedIntoTheExportAndReadFromItsContainerPath() throws IOException {
        var file = SignInDesigns.write(temp, SignInDesigns.Keys.JWKS_FILE, SignInDesigns.randomSecret());
        var design = ExampleDesigns.load(file);

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, null);

        var auth = ((ProxyConfig) ContainerPlan.entry(services).config()).auth();
        assertThat(auth.jwksFile()).isEqualTo("/etc/clusterdeck/auth/jwks.json");
        assertThat(auth.secretFile()).isNull();
        assertThat(ContainerPlan.designFiles(design, DesignSource.of(design.name(), file)))
                .containsExactly(ExportFile.copy("auth/jwks.json", temp.resolve("keys/jwks.json")));
    }

    @Test
    void aSecretInTheEnvironmentKeepsItsVariable() throws IOException {
        var design = ExampleDesigns.load(SignInDesigns.write(temp, SignInDesigns.Keys.SECRET_ENV,
                SignInDesigns.randomSecret()));

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, null);

        var auth = ((ProxyConfig) ContainerPlan.entry(services).config()).auth();
        assertThat(auth.secretEnv()).isEqualTo(SignInDesigns.SECRET_ENV);
        assertThat(auth.secretFile()).isNull();
        assertThat(auth.jwksFile()).isNull();
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
        assertThat(proxy.rpcUrls()).containsExactly("http://gateway:7501");
        assertThat(proxy.repositoryUrl()).isEqualTo("http://repository:7502");
    }

    @Test
    void eachGatewayOfADesignWithReplicasIsAServiceOfItsOwnWithItsOwnConfig() {
        var design = ExampleDesigns.load(ExampleDesigns.file("webshop-ha"));

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, null);

        assertThat(services).extracting(ContainerService::name).containsExactly("repository", "gateway-1",
                "gateway-2", "worker-storefront", "worker-orders", "worker-images", "proxy");
        var gateways = ContainerPlan.gateways(services);
        assertThat(gateways).extracting(ContainerService::name).containsExactly("gateway-1", "gateway-2");
        assertThat(gateways).extracting(ContainerService::replicas).containsExactly(1, 1);
        assertThat(gateways).extracting(ContainerService::port).containsExactly(7701, 7703);
        assertThat(gateways).extracting(s -> s.config().name()).containsExactly("gateway-1", "gateway-2");
        assertThat(gateways).extracting(ContainerService::configFile).containsExactly("gateway-1.json",
                "gateway-2.json");
    }

    @Test
    void everyWorkerAndTheProxyNameEveryGatewayByItsServiceName() {
        var design = ExampleDesigns.load(ExampleDesigns.file("webshop-ha"));

        var services = ContainerPlan.services(design, ExportOptions.DEFAULT, null);

        var workers = services.stream().filter(s -> s.role() == Role.WORKER).toList();
        assertThat(workers).hasSize(3).allSatisfy(w -> assertThat(((WorkerConfig) w.config()).gatewayUrls())
                .containsExactly("http://gateway-1:7701", "http://gateway-2:7703"));
        var proxy = (ProxyConfig) ContainerPlan.entry(services).config();
        assertThat(proxy.rpcUrls()).containsExactly("http://gateway-1:7701", "http://gateway-2:7703");
    }
}
