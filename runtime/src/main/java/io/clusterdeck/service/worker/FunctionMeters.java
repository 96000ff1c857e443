package io.clusterdeck.service.worker;

import io.clusterdeck.lab.WorkerSample;
import io.clusterdeck.lab.WorkerSample.CallSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a worker measures of the functions it hosts, for profiles: each function's {@link FunctionMeter}, and the
 * calls between functions with the time their answers took, in-process or through the gateway.
 */
public final class FunctionMeters {
    private final String worker;
    private final String segment;
    private final Map<String, FunctionMeter> functions = new LinkedHashMap<>();
    private final Map<String, Map<String, Calls>> calls = new ConcurrentHashMap<>();

    /** The calls from one function to another. */
    static final class Calls {
        private final boolean crossesGateway;
        private final LongAdder count = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        private Calls(boolean crossesGateway) {
            this.crossesGateway = crossesGateway;
        }

        void record(long durationNanos) {
            count.increment();
            nanos.add(durationNanos);
        }
    }

    public FunctionMeters(String worker, String segment, List<String> hosted) {
        this.worker = worker;
        this.segment = segment;
        for (var name : hosted) {
            functions.put(name, new FunctionMeter(name));
        }
    }

    /** The meter of a hosted function, or null for one this worker does not host. */
    FunctionMeter function(String name) {
        return functions.get(name);
    }

    /** The calls {@code from} makes to {@code to}. */
    Calls calls(String from, String to, boolean crossesGateway) {
        return calls.computeIfAbsent(from == null ? "" : from, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(to, t -> new Calls(crossesGateway));
    }

    /** The running totals so far. */
    public WorkerSample sample() {
        var functionSamples = functions.values().stream().map(FunctionMeter::sample).toList();
        var callSamples = new ArrayList<CallSample>();
        calls.forEach((from, targets) -> targets.forEach((to, c) ->
                callSamples.add(new CallSample(from, to, c.crossesGateway, c.count.sum(), c.nanos.sum()))));
        return new WorkerSample(worker, segment, functionSamples, callSamples);
    }
}
