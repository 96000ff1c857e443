package io.clusterdeck.launch;

import io.clusterdeck.time.Threads;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The child's half of "no orphans": a process started by the launcher exits as soon as the launcher is gone,
 * however it died (kill -9 included). Two signs, whichever comes first: standard input, a pipe the launcher
 * holds, reaches end-of-file the moment the launcher's process ends; and, checked every 5 seconds as a fallback, the
 * launcher's pid stops being alive.
 */
public final class ParentGuard {
    /** Set by the launcher to its own pid in every child's environment. */
    public static final String PARENT_PID_ENV = "CLUSTERDECK_PARENT_PID";
    private static final long CHECK_INTERVAL_MS = 5_000;

    private ParentGuard() {
    }

    /** Watches the launcher when this process was started by one; does nothing otherwise. */
    public static void installIfLaunched(Runnable onParentGone) {
        var once = new AtomicBoolean();
        Runnable exit = () -> {
            if (once.compareAndSet(false, true)) {
                new Thread(onParentGone, "parent-gone").start();
            }
        };
        var pid = System.getenv(PARENT_PID_ENV);
        if (pid == null || pid.isBlank()) {
            return;
        }
        long parent = Long.parseLong(pid.strip());
        Threads.start("parent-guard-stdin", () -> {
            if (drained(System.in)) {
                exit.run();
            }
        });
        // The fallback looks first after one interval: a launcher already gone has closed the pipe, which the thread
        // above finds at once, and the process handles' set-up stays off this process's start.
        Threads.start("parent-guard", () -> {
            try {
                do {
                    Thread.sleep(CHECK_INTERVAL_MS);
                } while (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false));
                exit.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static boolean drained(InputStream in) {
        try {
            var buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // The launcher never writes; anything read is ignored.
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
