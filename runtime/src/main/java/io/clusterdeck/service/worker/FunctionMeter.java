package io.clusterdeck.service.worker;

import io.clusterdeck.lab.WorkerSample.FunctionSample;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.AtomicHistogram;

/**
 * The running totals of one hosted function: calls, errors, CPU and a latency histogram, recorded without locks.
 * The histogram (microseconds, two significant digits, up to ten minutes) is made at the first call, so a function
 * nobody calls costs a few adders.
 */
final class FunctionMeter {
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final String name;
    private final LongAdder calls = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder wallNanos = new LongAdder();
    private volatile AtomicHistogram latency;

    FunctionMeter(String name) {
        this.name = name;
    }

    void addCpu(long nanos) {
        if (nanos > 0) {
            cpuNanos.add(nanos);
        }
    }

    /** One finished call. */
    void finished(boolean failed, long nanos) {
        calls.increment();
        if (failed) {
            errors.increment();
        }
        wallNanos.add(nanos);
        histogram().recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1_000)));
    }

    private AtomicHistogram histogram() {
        var histogram = latency;
        if (histogram == null) {
            synchronized (this) {
                histogram = latency;
                if (histogram == null) {
                    histogram = new AtomicHistogram(HIGHEST_MICROS, 2);
                    latency = histogram;
                }
            }
        }
        return histogram;
    }

    FunctionSample sample() {
        var histogram = latency;
        String encoded = null;
        if (histogram != null) {
            var copy = histogram.copy();
            var buffer = ByteBuffer.allocate(copy.getNeededByteBufferCapacity());
            int length = copy.encodeIntoCompressedByteBuffer(buffer);
            encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        }
        return new FunctionSample(name, calls.sum(), errors.sum(), cpuNanos.sum(), wallNanos.sum(), encoded);
    }
}
