package io.clusterdeck.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.WorkerCount;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.launch.ProcessState;
import io.clusterdeck.launch.ProcessStatus;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.Planner;
import io.clusterdeck.plan.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 50 workers each reporting 10 events a second, with a snapshot every second, for two minutes. */
@Timeout(30)
class BusyClusterTest {
    private static final EventType[] CHATTER = {EventType.RETRIED, EventType.SUSPECT, EventType.HEALTHY,
        EventType.TIMED_OUT, EventType.RETRIED};

    private final ScriptedCluster cluster;
    private final MonitorViewModel monitor;
    private final List<String> workers;
    private Instant clock = KillScenario.START;
    private long served;

    BusyClusterTest() {
        var design = DesignFiles.load(KillScenario.WEBSHOP).orThrow();
        design = design.withSegment("images", s -> new io.clusterdeck.design.Segment(s.name(), s.description(),
                s.functions(), WorkerCount.of(46), s.balancing(), s.restart(), s.jvm(), s.weights(), null));
        var plan = Planner.plan(design, PlanOptions.local(KillScenario.WEBSHOP.getParent()).withCores(4));
        cluster = new ScriptedCluster(plan);
        workers = plan.withRole(Role.WORKER).stream().map(p -> p.name()).toList();
        monitor = new MonitorViewModel(cluster, Runnable::run);
        monitor.start();
    }

    @Test
    void fiftyWorkersAtTenEventsASecondKeepEveryFrameBoundedAndNothingFallsBehind() {
        assertThat(workers).hasSize(50);
        var changes = new Counter(monitor.timeline(), monitor.processes(), monitor.faults(), monitor.segments());
        int frames = 0;
        int mostUpdates = 0;
        for (int step = 0; step < 4 * 120; step++) {
            clock = clock.plusMillis(250);
            // 50 workers x 10 events a second = 125 events per 250 ms frame.
            for (int i = 0; i < 125; i++) {
                var worker = workers.get(i % workers.size());
                cluster.publish(ClusterEvent.of(clock.minusMillis(i), CHATTER[(step + i) % CHATTER.length], "gateway",
                        worker, "images", "chatter"));
            }
            if (step % 4 == 0) {
                cluster.publish(ClusterEvent.of(clock, EventType.FAULT, "launcher", workers.get(step % 50), "images",
                        "pause (SIGSTOP) of pid 1"));
                poll();
            }
            changes.reset();
            monitor.frame(clock);
            frames++;
            mostUpdates = Math.max(mostUpdates, monitor.lastFrameUpdatesProperty().get());
            assertThat(changes.most()).as("list changes in one frame").isLessThanOrEqualTo(2);
        }

        assertThat(mostUpdates).isLessThanOrEqualTo(MonitorViewModel.MAX_UPDATES_PER_FRAME).isGreaterThan(125);
        assertThat(monitor.backlog()).isZero();
        assertThat(monitor.timeline()).hasSizeLessThanOrEqualTo(MonitorViewModel.TIMELINE_CAPACITY);
        assertThat(monitor.timeline().get(0).time()).isAfterOrEqualTo(clock.minus(MonitorViewModel.TIMELINE_SPAN));
        assertThat(monitor.faults()).hasSizeLessThanOrEqualTo(20);
        assertThat(monitor.processes()).hasSize(53);
        for (var segment : monitor.segments()) {
            for (var worker : segment.workerNames()) {
                assertThat(segment.calls(worker).size()).isLessThanOrEqualTo(ProcessRow.SERIES);
            }
        }
        assertThat(monitor.process("worker-images-7").orElseThrow().p99Series().size()).isEqualTo(ProcessRow.SERIES);
        assertThat(frames).isEqualTo(480);
    }

    @Test
    void aReplayOfTenThousandEventsIsSpreadOverFramesOfAtMostTheBatchSize() {
        for (int i = 0; i < 10_000; i++) {
            cluster.publish(ClusterEvent.of(clock.plusMillis(i), EventType.RETRIED, "gateway", workers.get(i % 50),
                    "images", "replayed"));
        }
        var fresh = new MonitorViewModel(cluster, Runnable::run);
        fresh.start();

        var perFrame = new ArrayList<Integer>();
        while (fresh.backlog() > 0) {
            fresh.frame(clock.plusSeconds(10));
            perFrame.add(fresh.lastFrameUpdatesProperty().get());
        }

        // The first frame's poll of the processes is one more update.
        assertThat(perFrame).hasSize(11).startsWith(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000)
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(MonitorViewModel.MAX_UPDATES_PER_FRAME));
        assertThat(fresh.timeline()).hasSize(MonitorViewModel.TIMELINE_CAPACITY);
    }

    private void poll() {
        served += 40;
        var statuses = new ArrayList<ProcessStatus>();
        var stats = new ArrayList<ClusterSnapshot.WorkerStats>();
        for (var process : cluster.plan().processes()) {
            statuses.add(new ProcessStatus(process.name(), process.role(), process.segment(), 1000 + process.instance(),
                    process.url(), ProcessState.RUNNING, KillScenario.START, 0, null));
            if (process.role() == Role.WORKER) {
                stats.add(new ClusterSnapshot.WorkerStats(process.name(), process.segment(), 1000, 1, "healthy", 2,
                        served, 0, 10, 30));
            }
        }
        cluster.processes = statuses;
        cluster.snapshot = new ClusterSnapshot(clock, stats, List.of(new ClusterSnapshot.Route("images",
                "least-requests", List.of(), workers.subList(4, 50))));
    }

    /** Counts change notifications per list since the last reset. */
    private static final class Counter {
        private final List<AtomicInteger> counts = new ArrayList<>();

        Counter(ObservableList<?>... lists) {
            for (var list : lists) {
                var count = new AtomicInteger();
                counts.add(count);
                list.addListener((ListChangeListener<Object>) c -> count.incrementAndGet());
            }
        }

        void reset() {
            counts.forEach(c -> c.set(0));
        }

        int most() {
            return counts.stream().mapToInt(AtomicInteger::get).max().orElse(0);
        }
    }
}
