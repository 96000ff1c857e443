package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.app.TinyDesigns;
import io.clusterdeck.lab.CallProfile;
import io.clusterdeck.lab.FunctionProfile;
import io.clusterdeck.lab.ProfileFiles;
import io.clusterdeck.launch.LaunchOptions;
import io.clusterdeck.launch.LocalCluster;
import io.clusterdeck.load.LoadGenerator;
import io.clusterdeck.load.LoadSpec;
import io.clusterdeck.plan.Planner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A profile recorded from a launched cluster, as the live view's Record profile does, and saved next to the design. */
@Timeout(120)
class ProfileRecorderIT {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRecordingCountsTheCallsMadeMeanwhileAndIsSavedAsAReadableProfile(@TempDir Path folder) throws Exception {
        var design = TinyDesigns.split();
        var designFile = TinyDesigns.write(design, folder);
        var clock = new HandClock();
        var background = Executors.newSingleThreadExecutor();
        try (var cluster = LocalCluster.start(design, designFile,
                LaunchOptions.defaults().withHome(folder.resolve("home")).withAppCds(false))) {
            var recorder = new ProfileRecorder(design, cluster::profileSamples,
                    ProfileRecorder.suggestedFile(design, designFile), background, Runnable::run, clock);
            var gateway = URI.create(cluster.plan().process(Planner.GATEWAY).orElseThrow().url());
            // Calls before the recording starts are not in it.
            send(gateway, 10);

            recorder.start();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recorder.recordingProperty().get());
            clock.now = clock.now.plusSeconds(12);
            recorder.tick();
            assertThat(recorder.secondsProperty().get()).isEqualTo(12);
            var report = send(gateway, 30);
            recorder.stop();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recorder.recordedProperty().get() != null);
            recorder.save(recorder.suggestedFile());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> recorder.recordedProperty().get() == null);

            assertThat(report).isEqualTo(30);
            assertThat(recorder.suggestedFile()).isEqualTo(folder.resolve("front-and-back-profile.json"));
            assertThat(recorder.messageProperty().get()).matches("Saved the profile \\(\\d+\\.\\d s\\) to front-and-back-profile.json");
            var profile = ProfileFiles.read(recorder.suggestedFile());
            assertThat(profile.design()).isEqualTo("front-and-back");
            assertThat(profile.function("front/page")).get().extracting(FunctionProfile::calls).isEqualTo(30L);
            assertThat(profile.function("back/stock")).get().extracting(FunctionProfile::calls).isEqualTo(30L);
            assertThat(profile.callsFrom("front/page")).singleElement().satisfies(call -> {
                assertThat(call.to()).isEqualTo("back/stock");
                assertThat(call.count()).isEqualTo(30);
                assertThat(call.crossesGateway()).isTrue();
            });
            assertThat(profile.calls()).extracting(CallProfile::from).containsOnly("front/page");
        } finally {
            background.shutdownNow();
        }
    }

    /** Sends {@code calls} calls of front/page, ten a second; returns how many were answered. */
    private static long send(URI gateway, int calls) {
        var spec = new LoadSpec(gateway, List.of(new LoadSpec.Target("front/page", null)), 10,
                Duration.ofMillis(calls * 100L), 16, Duration.ofSeconds(5));
        return new LoadGenerator(spec).run(second -> { }).ok();
    }
}
