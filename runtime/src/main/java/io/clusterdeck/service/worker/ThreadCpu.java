package io.clusterdeck.service.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the calling thread, read through the JVM's thread bean. The bean is made at the first read: making
 * it loads the JVM's management library and sets up every platform bean provider (service loading, streams, the
 * diagnostic-command and logging beans), 10-15 ms that a worker spends on a thread of its own as soon as it has
 * registered (while the gateway's first health check is on its way), not on its first call.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Whether this JVM measures a thread's CPU time; when it does not, {@link #nanos()} reads 0. */
    static boolean measured() {
        return Bean.MEASURED;
    }

    /** The calling thread's CPU time so far, in nanoseconds; 0 when it is not measured. */
    static long nanos() {
        return Bean.MEASURED ? Bean.THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Made when first used, as a class is initialised. */
    private static final class Bean {
        static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        static final boolean MEASURED = THREADS.isCurrentThreadCpuTimeSupported();
    }
}
