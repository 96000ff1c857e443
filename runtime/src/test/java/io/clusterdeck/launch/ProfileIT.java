package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clusterdeck.json.StrictJson;
import io.clusterdeck.lab.Advice;
import io.clusterdeck.lab.AdviceKind;
import io.clusterdeck.lab.AdviceOptions;
import io.clusterdeck.lab.Advisor;
import io.clusterdeck.lab.Profile;
import io.clusterdeck.lab.ProfileFiles;
import io.clusterdeck.lab.ProfileRecording;
import io.clusterdeck.lab.WorkerSample;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadReport;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A profile recorded from real processes under real load: what it counts agrees with what the load sent. */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileIT {
    private Path folder;

    private LocalCluster cluster;
    private LoadReport load;
    private Profile profile;

    @BeforeAll
    void recordAProfileUnderLoad(@TempDir Path temporary) {
        folder = temporary;
        var design = TestDesigns.frontAndBack();
        cluster = LocalCluster.start(design, TestDesigns.write(design, folder), TestDesigns.options(folder.resolve("home")));
        var gateway = URI.create(cluster.plan().process(Planner.GATEWAY).orElseThrow().url());
        var spec = new LoadSpec(gateway, List.of(new LoadSpec.Target("front/page", null)), 30, Duration.ofSeconds(4), 200,
                Duration.ofSeconds(10));
        var recording = ProfileRecording.start(design, cluster::profileSamples);
        load = new LoadGenerator(spec).run(second -> { });
        profile = recording.stop();
        System.out.print(io.clusterdeck.lab.ProfileTable.render(profile));
    }

    @AfterAll
    void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyAnsweredCallIsCountedOnceForTheFunctionAndOnceForWhatItCalled() {
        var page = profile.function("front/page").orElseThrow();
        var stock = profile.function("back/stock").orElseThrow();

        assertThat(load.ok()).isPositive();
        assertThat(page.calls()).isEqualTo(load.ok());
        assertThat(stock.calls()).isEqualTo(load.ok());
        assertThat(page.errors()).isZero();
        assertThat(page.segment()).isEqualTo("front");
        assertThat(stock.segment()).isEqualTo("back");
    }

    @Test
    void cpuPerCallIsAtLeastWhatEachFunctionBurnsAndTheCalleesIsNotChargedToTheCaller() {
        var page = profile.function("front/page").orElseThrow();
        var stock = profile.function("back/stock").orElseThrow();

        assertThat(page.cpuMsPerCall()).isGreaterThanOrEqualTo(2.0);
        assertThat(stock.cpuMsPerCall()).isGreaterThanOrEqualTo(1.0).isLessThan(page.cpuMsPerCall());
    }

    @Test
    void theCallAcrossSegmentsCrossesTheGatewayOncePerCallAndItsHopIsMeasured() {
        var call = profile.calls().stream().filter(c -> c.to().equals("back/stock")).findFirst().orElseThrow();

        assertThat(call.from()).isEqualTo("front/page");
        assertThat(call.crossesGateway()).isTrue();
        assertThat(call.count()).isEqualTo(load.ok());
        assertThat(profile.hopsPerCall("front/page")).isEqualTo(1.0);
        assertThat(call.meanMs()).isGreaterThanOrEqualTo(profile.function("back/stock").orElseThrow().meanMs());
        assertThat(call.hopMs()).isPositive();
        var page = profile.function("front/page").orElseThrow();
        assertThat(page.p50Ms()).as("the page waits for the stock's 2 ms").isGreaterThanOrEqualTo(2.0);
        assertThat(page.p99Ms()).isGreaterThanOrEqualTo(page.p50Ms());
    }

    @Test
    void theAdvisorSuggestsMergingTwoSegmentsThatCallEachOtherOnEveryRequest() {
        var advice = Advisor.advise(TestDesigns.frontAndBack(), profile, AdviceOptions.DEFAULT);

        assertThat(advice).extracting(Advice::kind).contains(AdviceKind.MERGE);
        var merge = advice.stream().filter(a -> a.kind() == AdviceKind.MERGE).findFirst().orElseThrow();
        assertThat(merge.segments()).containsExactlyInAnyOrder("front", "back");
        assertThat(Advisor.apply(TestDesigns.frontAndBack(), advice).segments()).hasSize(1);
    }

    @Test
    void theWrittenFileMatchesThePublishedSchemaAndReadsBackTheSame() throws Exception {
        var file = folder.resolve("profile.json");

        ProfileFiles.write(profile, file);

        var mapper = new ObjectMapper();
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(mapper.readTree(Path.of("..", "docs", "profile.schema.json").toFile()));
        assertThat(schema.validate(mapper.readTree(Files.readString(file))).stream().map(ValidationMessage::getMessage))
                .isEmpty();
        assertThat(ProfileFiles.read(file)).isEqualTo(profile);
    }

    @Test
    void theControlChannelAnswersEveryWorkersTotals() throws Exception {
        var control = ControlClient.find(folder.resolve("home")).orElseThrow();

        List<WorkerSample> samples = StrictJson.mapper().readValue(control.profileSamples(), new TypeReference<>() { });

        assertThat(samples).extracting(WorkerSample::worker)
                .containsExactlyInAnyOrder("worker-front-1", "worker-back-1", "worker-back-2");
    }
}
