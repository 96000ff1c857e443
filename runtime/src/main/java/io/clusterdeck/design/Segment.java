package io.clusterdeck.design;

import io.clusterdeck.json.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of functions that run together in the same workers.
 *
 * @param workers    how many workers run the segment
 * @param balancing  how the gateway spreads calls over them
 * @param restart    when a worker that exited is restarted
 * @param weights    with weighted balancing: worker i gets weight {@code weights[i % size]}; default 1 each
 * @param autoscale  production only: an autoscaler's bounds; absent for a fixed count
 */
public record Segment(String name, String description, List<String> functions, WorkerCount workers,
                      Balancing balancing, Restart restart, Jvm jvm, List<Integer> weights, Autoscale autoscale) {
    public Segment {
        functions = functions == null ? List.of() : List.copyOf(functions);
        workers = workers == null ? WorkerCount.of(1) : workers;
        balancing = balancing == null ? Balancing.ROUND_ROBIN : balancing;
        restart = restart == null ? Restart.ALWAYS : restart;
        jvm = jvm == null ? Jvm.DEFAULT : jvm;
        weights = weights == null ? List.of() : List.copyOf(weights);
        var checks = new Checks().name("name", name, Checks.LOWER_NAME, Names.LOWER_RULE);
        for (int i = 0; i < weights.size(); i++) {
            checks.between("weights[" + i + "]", weights.get(i), 1, 1000);
        }
        checks.throwIfAny();
    }

    /** An empty segment with one worker and the default policies. */
    public static Segment named(String name) {
        return new Segment(name, null, List.of(), null, null, null, null, null, null);
    }

    /** The weight of the worker at a 0-based index. */
    public int weightOf(int index) {
        return weights.isEmpty() ? 1 : weights.get(index % weights.size());
    }

    public Segment withName(String newName) {
        return new Segment(newName, description, functions, workers, balancing, restart, jvm, weights, autoscale);
    }

    public Segment withDescription(String newDescription) {
        return new Segment(name, newDescription, functions, workers, balancing, restart, jvm, weights, autoscale);
    }

    public Segment withFunctions(List<String> newFunctions) {
        return new Segment(name, description, newFunctions, workers, balancing, restart, jvm, weights, autoscale);
    }

    /** This segment with a function added at the end (no change when it is already here). */
    public Segment withFunction(String function) {
        if (functions.contains(function)) {
            return this;
        }
        var list = new ArrayList<>(functions);
        list.add(function);
        return withFunctions(list);
    }

    public Segment withoutFunction(String function) {
        return withFunctions(functions.stream().filter(f -> !f.equals(function)).toList());
    }

    public Segment withWorkers(WorkerCount newWorkers) {
        return new Segment(name, description, functions, newWorkers, balancing, restart, jvm, weights, autoscale);
    }

    public Segment withBalancing(Balancing newBalancing) {
        return new Segment(name, description, functions, workers, newBalancing, restart, jvm, weights, autoscale);
    }

    public Segment withRestart(Restart newRestart) {
        return new Segment(name, description, functions, workers, balancing, newRestart, jvm, weights, autoscale);
    }

    public Segment withJvm(Jvm newJvm) {
        return new Segment(name, description, functions, workers, balancing, restart, newJvm, weights, autoscale);
    }
}
