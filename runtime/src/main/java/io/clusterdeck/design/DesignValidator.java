package io.clusterdeck.design;

import io.clusterdeck.json.Problem;
import io.clusterdeck.json.Strings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks how the parts of a design fit together. Each problem names the JSON path of the part it concerns. */
final class DesignValidator {
    private final Design design;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> functionIndex = new LinkedHashMap<>();

    private DesignValidator(Design design) {
        this.design = design;
    }

    static List<Problem> validate(Design design) {
        var validator = new DesignValidator(design);
        validator.run();
        return List.copyOf(validator.problems);
    }

    private void run() {
        indexFunctions();
        checkBundles();
        checkSegments();
        checkCalls();
        checkImplementations();
        checkAuth();
        checkPorts();
    }

    private void checkAuth() {
        var functions = design.functions();
        for (int i = 0; i < functions.size(); i++) {
            var function = functions.get(i);
            if (function.roles().isEmpty()) {
                continue;
            }
            if (function.access() != Access.PUBLIC) {
                problem("functions[" + i + "].roles", "roles apply to public functions only; '" + function.name()
                        + "' is " + function.access().json());
            } else if (design.auth() == null) {
                problem("functions[" + i + "].roles", "roles need the design's 'auth' section, which says how the proxy"
                        + " checks callers' tokens");
            }
        }
        if (design.auth() != null && !design.proxy().enabled()) {
            problem("auth", "callers are authenticated at the proxy: 'auth' needs the proxy enabled");
        }
    }

    private void indexFunctions() {
        if (design.functions().isEmpty()) {
            problem("functions", "a design needs at least one function");
        }
        var functions = design.functions();
        for (int i = 0; i < functions.size(); i++) {
            Integer first = functionIndex.putIfAbsent(functions.get(i).name(), i);
            if (first != null) {
                problem("functions[" + i + "].name", "duplicate function '" + functions.get(i).name()
                        + "' (also functions[" + first + "])");
            }
        }
    }

    private void checkBundles() {
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < design.bundles().size(); i++) {
            Integer first = seen.putIfAbsent(design.bundles().get(i).name(), i);
            if (first != null) {
                problem("bundles[" + i + "].name", "duplicate bundle '" + design.bundles().get(i).name()
                        + "' (also bundles[" + first + "])");
            }
        }
    }

    private void checkSegments() {
        if (design.segments().isEmpty()) {
            problem("segments", "a design needs at least one segment");
        }
        var segmentNames = new HashMap<String, Integer>();
        var owner = new HashMap<String, String>();
        for (int s = 0; s < design.segments().size(); s++) {
            var segment = design.segments().get(s);
            String path = "segments[" + s + "]";
            Integer first = segmentNames.putIfAbsent(segment.name(), s);
            if (first != null) {
                problem(path + ".name", "duplicate segment '" + segment.name() + "' (also segments[" + first + "])");
            }
            if (segment.functions().isEmpty()) {
                problem(path + ".functions", "segment '" + segment.name() + "' has no functions");
            }
            for (int f = 0; f < segment.functions().size(); f++) {
                String function = segment.functions().get(f);
                String at = path + ".functions[" + f + "]";
                if (!functionIndex.containsKey(function)) {
                    problem(at, unknownFunction(function));
                    continue;
                }
                String previous = owner.putIfAbsent(function, segment.name());
                if (previous != null) {
                    problem(at, previous.equals(segment.name())
                            ? "function '" + function + "' is listed twice in segment '" + segment.name() + "'"
                            : "function '" + function + "' is already in segment '" + previous
                            + "'; a function belongs to exactly one segment");
                }
            }
            checkBalancing(segment, path);
        }
        functionIndex.forEach((function, index) -> {
            if (!owner.containsKey(function)) {
                problem("functions[" + index + "]", "function '" + function + "' is in no segment");
            }
        });
    }

    private void checkBalancing(Segment segment, String path) {
        if (!segment.weights().isEmpty() && segment.balancing() != Balancing.WEIGHTED) {
            problem(path + ".weights", "weights are used only with balancing 'weighted', not '"
                    + segment.balancing().json() + "'");
        }
        var autoscale = segment.autoscale();
        if (autoscale != null && !segment.workers().perCore()) {
            int workers = segment.workers().fixed();
            if (workers < autoscale.minWorkers() || workers > autoscale.maxWorkers()) {
                problem(path + ".workers", "must be within autoscale's " + autoscale.minWorkers() + " to "
                        + autoscale.maxWorkers() + ", was " + workers);
            }
        }
    }

    private void checkCalls() {
        var functions = design.functions();
        for (int i = 0; i < functions.size(); i++) {
            var function = functions.get(i);
            for (int c = 0; c < function.calls().size(); c++) {
                String callee = function.calls().get(c);
                String at = "functions[" + i + "].calls[" + c + "]";
                if (callee.equals(function.name())) {
                    problem(at, "function '" + callee + "' calls itself");
                } else if (!functionIndex.containsKey(callee)) {
                    problem(at, unknownFunction(callee));
                }
            }
        }
        findCycle().ifPresent(cycle -> problem("functions[" + functionIndex.get(cycle.get(0)) + "].calls",
                "calls form a cycle: " + shown(cycle)));
    }

    /** A cycle as {@code a -> b -> a}; a long one keeps its ends and says how many functions it leaves out. */
    private static String shown(List<String> cycle) {
        if (cycle.size() <= 12) {
            return String.join(" -> ", cycle);
        }
        return String.join(" -> ", cycle.subList(0, 5)) + " -> ... (" + (cycle.size() - 10) + " more) -> "
                + String.join(" -> ", cycle.subList(cycle.size() - 5, cycle.size()));
    }

    /**
     * The first cycle of calls, by a depth-first walk with a stack of its own (a chain of thousands of functions
     * must not overflow the thread's stack).
     */
    private Optional<List<String>> findCycle() {
        var callsOf = new HashMap<String, List<String>>();
        for (var function : design.functions()) {
            callsOf.putIfAbsent(function.name(), function.calls());
        }
        var done = new java.util.HashSet<String>();
        var onPath = new HashMap<String, Integer>();
        for (var start : functionIndex.keySet()) {
            if (done.contains(start)) {
                continue;
            }
            var path = new ArrayList<String>();
            var next = new ArrayList<Integer>();
            path.add(start);
            next.add(0);
            onPath.put(start, 0);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                var function = path.get(top);
                var calls = callsOf.getOrDefault(function, List.of());
                int index = next.get(top);
                if (index == calls.size()) {
                    path.remove(top);
                    next.remove(top);
                    onPath.remove(function);
                    done.add(function);
                    continue;
                }
                next.set(top, index + 1);
                var callee = calls.get(index);
                if (callee.equals(function) || !functionIndex.containsKey(callee) || done.contains(callee)) {
                    continue;
                }
                var at = onPath.get(callee);
                if (at != null) {
                    var cycle = new ArrayList<>(path.subList(at, path.size()));
                    cycle.add(callee);
                    return Optional.of(cycle);
                }
                onPath.put(callee, path.size());
                path.add(callee);
                next.add(0);
            }
        }
        return Optional.empty();
    }

    private void checkImplementations() {
        Set<String> bundles = Set.copyOf(design.bundles().stream().map(Bundle::name).toList());
        var functions = design.functions();
        for (int i = 0; i < functions.size(); i++) {
            var java = functions.get(i).java();
            if (java != null && !bundles.contains(java.bundle())) {
                problem("functions[" + i + "].java.bundle", "unknown bundle '" + java.bundle() + "'"
                        + Strings.closest(java.bundle(), bundles).map(b -> "; did you mean '" + b + "'?")
                        .orElse(bundles.isEmpty() ? "; the design lists no bundles" : ""));
            }
        }
    }

    private void checkPorts() {
        int workers = design.segments().stream().mapToInt(s -> s.workers().resolve(1)).sum();
        int last = design.ports().base() + PortSettings.FIRST_WORKER_OFFSET + workers - 1;
        if (last > 65_535) {
            problem("ports.base", "base port " + design.ports().base() + " leaves no room for " + workers
                    + " workers (the last would be " + last + ")");
        }
    }

    private String unknownFunction(String name) {
        return "unknown function '" + name + "'" + Strings.closest(name, functionIndex.keySet())
                .map(f -> "; did you mean '" + f + "'?").orElse("");
    }

    private void problem(String path, String message) {
        problems.add(Problem.at(path, message));
    }
}
