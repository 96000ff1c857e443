package io.clusterdeck.service.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of the calling thread, read through the JVM's thread bean. The bean is made at the first read, not as
 * the worker starts: it loads the JVM's management library, about 15 ms of a worker's start that its first call pays
 * instead, once.
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
