package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.RepositorySettings;
import io.clusterdeck.design.Segment;
import io.clusterdeck.json.DocumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExporterTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Target.class)
    void theSameDesignExportsTheSameBytesTwice(Target target) throws IOException {
        var file = ExampleDesigns.file("webshop");
        var design = ExampleDesigns.load(file);

        var first = Exporter.export(design, file, target, temp.resolve("first"));
        var second = Exporter.export(ExampleDesigns.load(file), file, target, temp.resolve("second"));

        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(temp.resolve("first").relativize(first.get(i)))
                    .isEqualTo(temp.resolve("second").relativize(second.get(i)));
            assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void everyFileRecordsItsDesignInAHeaderOrByItsSha256InTheReadme(Target target) {
        var export = ExampleDesigns.render("failover-lab", target);
        var readme = export.content("README.md");

        assertThat(export.source().name()).isEqualTo("failover-lab");
        assertThat(export.files()).allSatisfy(f -> {
            if (f.copied()) {
                assertThat(f.path()).isIn("clusterdeck.jar", "assets").as("only the jar and the design's files are copies");
            } else if (f.path().endsWith(".json")) {
                assertThat(readme).contains("| " + f.path() + " | " + f.sha256() + " |");
            } else {
                assertThat(f.content()).contains("Exported by Clusterdeck from design 'failover-lab', design file SHA-256 "
                        + export.source().sha256());
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theBundleDemoExportNamesWhereTheProxyReadsTheSecretAndHoldsNoneOfItsBytes(Target target) throws IOException {
        var secret = SignInDesigns.randomSecret();
        var file = SignInDesigns.bundleDemo(temp.resolve("design"), secret);
        var jar = Files.writeString(temp.resolve("clusterdeck.jar"), "jar");
        var out = temp.resolve("out");

        Exporter.export(ExampleDesigns.load(file), file, target, out, ExportOptions.DEFAULT.withRuntimeJar(jar));

        var proxyConfig = switch (target) {
            case RUNTIME -> out.resolve("proxy.json");
            case COMPOSE -> out.resolve("config/proxy.json");
            case KUBERNETES -> out.resolve(KubernetesExport.CONFIG_MAP_FILE);
        };
        var secretFile = target == Target.RUNTIME ? temp.resolve("design/bundle-demo.secret").toString()
                : ContainerPlan.END_USER_SECRET_FILE;
        assertThat(Files.readString(proxyConfig)).contains("\"secretFile\": \"" + secretFile + "\"");
        var bytes = secret.getBytes(StandardCharsets.US_ASCII);
        assertThat(SignInDesigns.filesUnder(out)).hasSizeGreaterThan(5).allSatisfy(f -> assertThat(
                SignInDesigns.contains(Files.readAllBytes(f), bytes)).as(f + " holds the secret").isFalse());
        assertThat(SignInDesigns.contains(Files.readAllBytes(temp.resolve("design/bundle-demo.secret")), bytes))
                .as("the check finds the secret where it is").isTrue();
    }

    static Stream<Arguments> signInDesignsAndTargets() {
        return Stream.of(SignInDesigns.Keys.values())
                .flatMap(keys -> Stream.of(Target.values()).map(target -> Arguments.of(keys, target)));
    }

    @ParameterizedTest
    @MethodSource("signInDesignsAndTargets")
    void aDesignWhoseEndUsersSignInExportsTheSameBytesTwice(SignInDesigns.Keys keys, Target target)
            throws IOException {
        var file = SignInDesigns.write(temp.resolve("design"), keys, SignInDesigns.randomSecret());

        Exporter.export(ExampleDesigns.load(file), file, target, temp.resolve("first"),
                ExportOptions.DEFAULT.withRuntimeJar(null));
        Exporter.export(ExampleDesigns.load(file), file, target, temp.resolve("second"),
                ExportOptions.DEFAULT.withRuntimeJar(null));

        var first = SignInDesigns.filesUnder(temp.resolve("first"));
        var second = SignInDesigns.filesUnder(temp.resolve("second"));
        assertThat(second.stream().map(p -> temp.resolve("second").relativize(p)).toList())
                .isEqualTo(first.stream().map(p -> temp.resolve("first").relativize(p)).toList());
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as(second.get(i).toString()).hasSameBinaryContentAs(first.get(i));
        }
        assertThat(Files.exists(temp.resolve("first/auth/jwks.json")))
                .isEqualTo(keys == SignInDesigns.Keys.JWKS_FILE && target != Target.RUNTIME);
    }

    @Test
    void theDesignFingerprintIsTheSha256OfTheFilesBytes() throws IOException {
        var file = temp.resolve("tiny.json");
        Files.writeString(file, "abc");

        assertThat(DesignSource.of("tiny", file).sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aSegmentWithOneWorkerPerCoreGetsTheCoresOfTheOptions() {
        var file = ExampleDesigns.file("webshop");
        var design = ExampleDesigns.load(file).withSegment("orders",
                s -> s.withWorkers(io.clusterdeck.design.WorkerCount.cores()));
        var source = new DesignSource(design.name(), "0".repeat(64), ExampleDesigns.FOLDER);

        var compose = Exporter.render(design, source, Target.COMPOSE, ExportOptions.DEFAULT.withCores(5));

        assertThat(ComposeSchema.read(compose.content(ComposeExport.COMPOSE))
                .at("/services/worker-orders/deploy/replicas").asInt()).isEqualTo(5);
    }

    @Test
    void exportWritesEveryFileUnderTheFolderAndLeavesOtherFilesAlone() throws IOException {
        var out = temp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        var file = ExampleDesigns.file("hello");

        var written = Exporter.export(ExampleDesigns.load(file), file, Target.KUBERNETES, out);

        var names = new ArrayList<String>();
        written.forEach(p -> names.add(out.relativize(p).toString()));
        assertThat(names).containsExactly("00-namespace.yaml", "02-configmap.yaml", "standalone.yaml",
                "network-policies.yaml", "ingress.yaml", "kustomization.yaml", ".gitignore", "README.md");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
    }

    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"COMPOSE", "KUBERNETES"})
    void copiedBundlesAssetsAndJarAreTheSameBytesTwiceAndReadableByContainers(Target target) throws IOException {
        var design = designWithFiles();
        var file = temp.resolve("design/shop.json");
        var options = ExportOptions.DEFAULT.withRuntimeJar(Files.writeString(temp.resolve("clusterdeck.jar"), "jar"));
        var export = Exporter.render(design, DesignSource.of(design.name(), file), target, options);

        var first = Exporter.write(export, temp.resolve("first"));
        var second = Exporter.write(export, temp.resolve("second"));

        for (int i = 0; i < first.size(); i++) {
            if (Files.isRegularFile(first.get(i))) {
                assertThat(Files.readAllBytes(second.get(i))).isEqualTo(Files.readAllBytes(first.get(i)));
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.get(i))))
                        .as(first.get(i).toString()).isEqualTo("rw-r--r--");
            }
        }
        assertThat(Files.readString(temp.resolve("first/bundles/shop.jar"))).isEqualTo("bundle");
        assertThat(Files.readString(temp.resolve("first/assets/css/site.css"))).isEqualTo("body {}");
        assertThat(Files.exists(temp.resolve("first/clusterdeck.jar"))).isEqualTo(target == Target.COMPOSE);
    }

    @Test
    void aMissingBundleIsNamedAndNothingIsWritten() throws IOException {
        var design = designWithFiles();
        Files.delete(temp.resolve("shop/target/shop.jar"));
        var export = Exporter.render(design, DesignSource.of(design.name(), temp.resolve("design/shop.json")),
                Target.COMPOSE, ExportOptions.DEFAULT.withRuntimeJar(null));

        assertThatThrownBy(() -> Exporter.write(export, temp.resolve("out")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(temp.resolve("shop/target/shop.jar") + ": the export copies it to bundles/shop.jar; "
                        + "build or place it, then export again");
        assertThat(Files.exists(temp.resolve("out"))).isFalse();
    }

    /** A design whose bundle sits outside its folder and whose assets are a folder tree. */
    private Design designWithFiles() throws IOException {
        Files.createDirectories(temp.resolve("shop/target"));
        Files.writeString(temp.resolve("shop/target/shop.jar"), "bundle");
        Files.createDirectories(temp.resolve("design/public/css"));
        Files.writeString(temp.resolve("design/public/css/site.css"), "body {}");
        Files.writeString(temp.resolve("design/shop.json"), "{}");
        return ExampleDesigns.load(ExampleDesigns.file("webshop"))
                .withBundles(List.of(new Bundle("shop", "../shop/target/shop.jar", null)))
                .withRepository(new RepositorySettings("public"));
    }

    @Test
    void everyExportedFileIsReadableByTheContainersUserAndWritableByItsOwnerOnly() throws IOException {
        var out = temp.resolve("out");
        var file = ExampleDesigns.file("hello");

        var written = Exporter.export(ExampleDesigns.load(file), file, Target.KUBERNETES, out);

        assertThat(written).isNotEmpty().allSatisfy(p -> assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ)
                .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE));
    }

    @Test
    void aDesignWithProblemsIsNotExported() {
        var file = ExampleDesigns.file("webshop");
        var design = ExampleDesigns.load(file).withSegments(List.of(Segment.named("empty")));
        var source = new DesignSource(design.name(), "0".repeat(64), ExampleDesigns.FOLDER);

        assertThatThrownBy(() -> Exporter.render(design, source, Target.COMPOSE, ExportOptions.DEFAULT))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("segment 'empty' has no functions");
    }
}
