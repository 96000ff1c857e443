package io.clusterdeck.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.design.Segment;
import io.clusterdeck.json.DocumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
            if (f.path().endsWith(".json")) {
                assertThat(readme).contains("| " + f.path() + " | " + f.sha256() + " |");
            } else {
                assertThat(f.content()).contains("Exported by Clusterdeck from design 'failover-lab', design file SHA-256 "
                        + export.source().sha256());
            }
        });
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
        assertThat(names).containsExactly("00-namespace.yaml", "01-cluster-key-secret.yaml", "02-configmap.yaml",
                "standalone.yaml", "ingress.yaml", "README.md");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void exportedFilesGetTheUsersDefaultPermissionsAndOnlyTheSecretIsPrivate() throws IOException {
        var plain = Files.createFile(temp.resolve("plain.txt"));
        var out = temp.resolve("out");
        var file = ExampleDesigns.file("hello");

        var written = Exporter.export(ExampleDesigns.load(file), file, Target.KUBERNETES, out);

        var secret = out.resolve(KubernetesExport.SECRET_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(written).filteredOn(p -> !p.equals(secret)).isNotEmpty().allSatisfy(p ->
                assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                        .isEqualTo(Files.getPosixFilePermissions(plain)));
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
