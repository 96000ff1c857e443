package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.PortSettings;
import io.clusterdeck.lab.Advice;
import io.clusterdeck.lab.AdviceKind;
import io.clusterdeck.lab.AdviceOptions;
import io.clusterdeck.lab.Advisor;
import io.clusterdeck.lab.ProfileRecording;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The lab's first loop on the example: measure the shop with its thumbnails in the storefront, and be told to split. */
@Timeout(240)
class SegmentationLabIT {
    private static final Path MERGED = Path.of("..", "designs", "webshop-merged.json");

    @TempDir
    Path folder;

    @Test
    void aProfileOfTheMergedShopLeadsToSplittingTheThumbnailsOut() {
        var design = DesignFiles.load(MERGED).orThrow()
                .withPorts(new PortSettings(20_000 + (int) (ProcessHandle.current().pid() % 20_000)));
        var targets = design.functions().stream().filter(f -> f.access() == Access.PUBLIC)
                .map(f -> new LoadSpec.Target(f.name(), null)).toList();
        Advice split;
        try (var cluster = LocalCluster.start(design, TestDesigns.write(design, folder), TestDesigns.options(folder.resolve("home")))) {
            var gateway = URI.create(cluster.plan().process(Planner.GATEWAY).orElseThrow().url());
            var load = new LoadSpec(gateway, targets, 30, Duration.ofSeconds(2), 500, Duration.ofSeconds(10));
            new LoadGenerator(load).run(second -> { });
            var recording = ProfileRecording.start(design, cluster::profileSamples);
            new LoadGenerator(load.withDuration(Duration.ofSeconds(6))).run(second -> { });
            var advice = Advisor.advise(design, recording.stop(), AdviceOptions.DEFAULT);
            advice.forEach(a -> System.out.println(a.kind() + ": " + a.message() + "\n  " + a.evidence()));
            split = advice.stream().filter(a -> a.kind() == AdviceKind.SPLIT).findFirst().orElseThrow();
        }

        assertThat(split.functions()).containsExactly("images/thumbnail");
        assertThat(split.segments()).contains("storefront");
        assertThat(split.evidence()).contains("ms CPU per call");
        var advised = split.applyTo(design);
        assertThat(advised.segments()).hasSize(3);
        assertThat(advised.segments().stream().filter(s -> s.functions().contains("images/thumbnail")).findFirst()
                .orElseThrow().functions()).containsExactly("images/thumbnail");
    }
}
