package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import io.clusterdeck.plan.ServiceConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LaunchWarmUpTest {
    @Test
    void theWarmUpDesignPlansEveryRoleALaunchWritesAConfigFor() {
        var roles = Planner.plan(LaunchWarmUp.design(), PlanOptions.local(Path.of("."))).processes().stream()
                .map(PlannedProcess::role).distinct().toList();

        assertThat(roles).contains(Role.REPOSITORY, Role.GATEWAY, Role.WORKER, Role.PROXY);
    }

    @Test
    void eachOfItsConfigsReadsBackAsTheRoleItWasWrittenFor() {
        for (var process : Planner.plan(LaunchWarmUp.design(), PlanOptions.local(Path.of("."))).processes()) {
            var parsed = ServiceConfigs.parse(ServiceConfigs.toJson(process.config()), process.name(), process.role());

            assertThat(parsed.problems()).as(process.name()).isEmpty();
        }
    }

    @Test
    void warmingUpWritesNoFileAndLeavesNoThreadRunning() throws Exception {
        var before = listing(Path.of("."));

        LaunchWarmUp.run();

        assertThat(listing(Path.of("."))).isEqualTo(before);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().contains("warm-up") && t.isAlive());
    }

    @Test
    void itRunsOnALowPriorityDaemonThreadThatEnds() throws Exception {
        var thread = LaunchWarmUp.begin();

        assertThat(thread.getName()).isEqualTo("launch-warm-up");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        thread.join(60_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private static java.util.List<String> listing(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::toString).sorted().toList();
        }
    }
}
