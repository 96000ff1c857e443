package io.clusterdeck.lab;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.NetworkSettings;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.design.WorkerCount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small designs built in code for the lab's tests. */
final class Designs {
    private Designs() {
    }

    static Design webshop() {
        return DesignFiles.load(Path.of("..", "designs", "webshop.json")).orThrow();
    }

    static Function function(String name, Access access, boolean idempotent, String... calls) {
        return new Function(name, null, access, idempotent, List.of(calls), new Simulation(1.0, null, 0.0, 64), null);
    }

    static Function publicFunction(String name, String... calls) {
        return function(name, Access.PUBLIC, true, calls);
    }

    static Function privateFunction(String name, String... calls) {
        return function(name, Access.PRIVATE, true, calls);
    }

    static Segment segment(String name, int workers, String... functions) {
        return Segment.named(name).withFunctions(List.of(functions)).withWorkers(WorkerCount.of(workers));
    }

    static Design design(List<Function> functions, List<Segment> segments) {
        return Design.named("lab").withFunctions(functions).withSegments(segments);
    }

    static Design withHopLatency(Design design, double meanMs) {
        return design.withNetwork(new NetworkSettings(Latency.fixed(meanMs)));
    }

    /**
     * A chain f0 -> f1 -> ... in which each function makes {@code callsEach} calls to the next, alternating between
     * two segments so that every call crosses the gateway.
     */
    static Design alternatingChain(int length, int callsEach) {
        var functions = new ArrayList<Function>();
        var even = new ArrayList<String>();
        var odd = new ArrayList<String>();
        for (int i = 0; i < length; i++) {
            var next = "chain/f" + (i + 1);
            var calls = i < length - 1 ? java.util.Collections.nCopies(callsEach, next).toArray(String[]::new)
                    : new String[0];
            functions.add(i == 0 ? publicFunction("chain/f" + i, calls) : privateFunction("chain/f" + i, calls));
            (i % 2 == 0 ? even : odd).add("chain/f" + i);
        }
        return design(functions, List.of(segment("even", 1, even.toArray(String[]::new)),
                segment("odd", 1, odd.toArray(String[]::new))));
    }
}
