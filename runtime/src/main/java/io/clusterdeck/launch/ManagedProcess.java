package io.clusterdeck.launch;

import io.clusterdeck.plan.PlannedProcess;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** One supervised process of a launch, across its restarts. State changes happen under the cluster's lock. */
final class ManagedProcess {
    /** The line a runtime service prints once it is ready. */
    static final Pattern READY = Pattern.compile("clusterdeck ready: name=(\\S+) url=(\\S+) pid=(\\d+)");

    final String name;
    final LogBuffer log;
    /** When it was restarted within the backoff's window, as {@link io.clusterdeck.time.Clock#nanos()}. */
    final Deque<Long> restartTimes = new ArrayDeque<>();
    volatile PlannedProcess planned;
    volatile Process process;
    volatile ProcessState state = ProcessState.STARTING;
    volatile Instant startedAt;
    volatile long startedNanos;
    volatile String lastExit;
    volatile boolean retiring;
    volatile CompletableFuture<String> ready = new CompletableFuture<>();
    int restarts;
    int quickExits;

    ManagedProcess(PlannedProcess planned, LogBuffer log) {
        this.name = planned.name();
        this.planned = planned;
        this.log = log;
    }

    long pid() {
        var current = process;
        return current != null && current.isAlive() ? current.pid() : -1;
    }

    ProcessStatus status() {
        return new ProcessStatus(name, planned.role(), planned.segment(), pid(), planned.url(), state, startedAt,
                restarts, lastExit);
    }

    /** "exit code 1", or "killed by SIGKILL" for the usual signals (the JVM reports 128 + signal). */
    static String describeExit(int code) {
        return switch (code) {
            case 137 -> "killed by SIGKILL";
            case 143 -> "stopped by SIGTERM";
            case 130 -> "stopped by SIGINT";
            case 134 -> "aborted (SIGABRT)";
            default -> "exit code " + code;
        };
    }
}
