package io.clusterdeck.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeck.design.Restart;
import io.clusterdeck.event.ClusterEvent;
import io.clusterdeck.event.EventType;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Role;
import io.clusterdeck.service.FakeClock;
import io.clusterdeck.service.TestConfigs;
import io.clusterdeck.time.Scheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's restart decisions, on fake processes, a fake clock and a scheduler the test runs by hand. */
class SupervisorTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path logs;

    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<FakeProcess> started = new ArrayList<>();
    private final List<ClusterEvent> events = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @Test
    void theRestartDelayDoublesWithEachQuickExitUpToItsMaximum() throws IOException {
        var managed = spawn(Restart.ALWAYS, backoff(100, 400, 10));

        var delays = new ArrayList<Duration>();
        for (int i = 0; i < 5; i++) {
            exitAfter(SECOND, 1);
            assertThat(managed.state).isEqualTo(ProcessState.RESTARTING);
            delays.add(restartWhenDue());
        }

        assertThat(delays).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 400L, 400L);
        assertThat(started).hasSize(6);
        assertThat(managed.restarts).isEqualTo(5);
        assertThat(managed.state).isEqualTo(ProcessState.STARTING);
        assertThat(lastOf(EventType.RESTARTED).reason()).isEqualTo("restart 5 after exit code 1, waited 400 ms");
        assertThat(lastOf(EventType.RESTARTED).instant()).isEqualTo(clock.now());
    }

    @Test
    void aProcessThatRanLongerThanStableIsRestartedAfterTheFirstDelayAgain() throws IOException {
        spawn(Restart.ALWAYS, backoff(100, 5_000, 10));
        exitAfter(SECOND, 1);
        restartWhenDue();
        exitAfter(SECOND, 1);
        assertThat(restartWhenDue()).hasMillis(200);

        exitAfter(SECOND.multipliedBy(10), 1);

        assertThat(restartWhenDue()).hasMillis(100);
    }

    @Test
    void aCrashLoopEndsInAGiveUpOnceItExitsMoreThanMaxRestartsTimesWithinTheWindow() throws IOException {
        var managed = spawn(Restart.ON_FAILURE, backoff(100, 100, 3));
        for (int i = 0; i < 3; i++) {
            exitAfter(SECOND, 1);
            restartWhenDue();
        }

        exitAfter(SECOND, 1);

        assertThat(managed.state).isEqualTo(ProcessState.GAVE_UP);
        assertThat(scheduler.pending).isEmpty();
        assertThat(started).hasSize(4);
        assertThat(lastOf(EventType.GAVE_UP).reason())
                .isEqualTo("exited 4 times within 60 s; not restarting it (last: exit code 1)");
    }

    @Test
    void exitsSpreadOutOverMoreThanTheWindowAreRestartedEveryTime() throws IOException {
        var managed = spawn(Restart.ON_FAILURE, backoff(100, 100, 3));

        for (int i = 0; i < 10; i++) {
            exitAfter(Duration.ofSeconds(25), 1);
            assertThat(managed.state).as("after exit %d", i + 1).isEqualTo(ProcessState.RESTARTING);
            restartWhenDue();
        }

        assertThat(started).hasSize(11);
        assertThat(events).extracting(ClusterEvent::type).doesNotContain(EventType.GAVE_UP);
    }

    @Test
    void aProcessWhoseSegmentNeverRestartsStaysDown() throws IOException {
        var managed = spawn(Restart.NEVER, Backoff.DEFAULT);

        exitAfter(SECOND, 1);

        assertThat(managed.state).isEqualTo(ProcessState.EXITED);
        assertThat(managed.lastExit).isEqualTo("exit code 1");
        assertThat(scheduler.pending).isEmpty();
        assertThat(events).extracting(ClusterEvent::type).containsExactly(EventType.STARTED, EventType.EXITED);
    }

    @Test
    void aProcessRestartedOnFailureStaysDownAfterACleanExit() throws IOException {
        var managed = spawn(Restart.ON_FAILURE, Backoff.DEFAULT);

        exitAfter(SECOND, 0);

        assertThat(managed.state).isEqualTo(ProcessState.EXITED);
        assertThat(scheduler.pending).isEmpty();
    }

    @Test
    void aRetiredProcessIsNotRestarted() throws IOException {
        var managed = spawn(Restart.ALWAYS, Backoff.DEFAULT);

        supervisor.retire(managed, SECOND).join();

        assertThat(managed.state).isEqualTo(ProcessState.EXITED);
        assertThat(managed.lastExit).isEqualTo("stopped by SIGTERM");
        assertThat(scheduler.pending).isEmpty();
    }

    /** A backoff under which a process that runs 10 s is stable, and restarts are counted over 60 s. */
    private static Backoff backoff(long firstMillis, long maxMillis, int maxRestarts) {
        return new Backoff(Duration.ofMillis(firstMillis), Duration.ofMillis(maxMillis), Duration.ofSeconds(10),
                maxRestarts, Duration.ofSeconds(60));
    }

    private ManagedProcess spawn(Restart restart, Backoff backoff) throws IOException {
        var planned = new PlannedProcess("worker-orders-1", Role.WORKER, "orders", 1, "127.0.0.1", 7001,
                "http://127.0.0.1:7001", restart, null,
                TestConfigs.worker("worker-orders-1", "orders", "http://127.0.0.1:7000", null));
        var managed = new ManagedProcess(planned, new LogBuffer(logs.resolve("worker-orders-1.log"), 100));
        supervisor = new Supervisor(plannedProcess -> {
            var process = new FakeProcess(1000 + started.size());
            started.add(process);
            return process;
        }, backoff, scheduler, clock, events::add, new Object());
        supervisor.spawn(managed);
        return managed;
    }

    /** The current process exits with {@code code} after running for {@code ran}. */
    private void exitAfter(Duration ran, int code) {
        clock.advance(ran);
        started.get(started.size() - 1).exitWith(code);
    }

    /** Lets the time of the one scheduled restart pass and runs it; returns how long it waited. */
    private Duration restartWhenDue() {
        assertThat(scheduler.pending).hasSize(1);
        var next = scheduler.pending.removeFirst();
        clock.advance(next.delay());
        next.task().run();
        return next.delay();
    }

    private ClusterEvent lastOf(EventType type) {
        return events.stream().filter(e -> e.type() == type).reduce((first, second) -> second).orElseThrow();
    }

    private static final class ManualScheduler implements Scheduler {
        record Pending(Runnable task, Duration delay) { }

        final Deque<Pending> pending = new ArrayDeque<>();

        @Override
        public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
            var entry = new Pending(task, Duration.ofNanos(unit.toNanos(delay)));
            pending.addLast(entry);
            return () -> pending.remove(entry);
        }
    }

    /** A process that runs until the test says it exits; SIGTERM ends it with 143, as a JVM does. */
    private static final class FakeProcess extends Process {
        private final CompletableFuture<Process> exit = new CompletableFuture<>();
        private final long pid;
        private volatile int code;

        FakeProcess(long pid) {
            this.pid = pid;
        }

        void exitWith(int exitCode) {
            code = exitCode;
            exit.complete(this);
        }

        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public InputStream getErrorStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public int waitFor() {
            exit.join();
            return code;
        }

        @Override
        public int exitValue() {
            if (!exit.isDone()) {
                throw new IllegalThreadStateException("process " + pid + " has not exited");
            }
            return code;
        }

        @Override
        public void destroy() {
            exitWith(143);
        }

        @Override
        public Process destroyForcibly() {
            exitWith(137);
            return this;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public CompletableFuture<Process> onExit() {
            return exit;
        }
    }
}
