package io.clusterdeck.launch;

import io.clusterdeck.design.Design;
import io.clusterdeck.plan.Plan;
import io.clusterdeck.plan.PlanOptions;
import io.clusterdeck.plan.PlannedProcess;
import io.clusterdeck.plan.Planner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Finds which planned ports are taken on this machine and picks free ones instead. */
final class Ports {
    private Ports() {
    }

    /**
     * Plans a design keeping the ports of processes that run already ({@code keep}, by name) and giving newcomers
     * whose planned port is taken a free one; {@code notes} hears of each replacement.
     */
    static Plan plan(Design target, PlanOptions base, Map<String, Integer> keep, Consumer<String> notes) {
        var ports = new LinkedHashMap<>(keep);
        var planned = Planner.plan(target, base.withPorts(ports));
        var newcomers = new Plan(planned.design(), planned.mode(), planned.processes().stream()
                .filter(p -> !keep.containsKey(p.name())).toList(), planned.entryUrl());
        var replacements = replacements(newcomers, Set.copyOf(keep.values()));
        if (replacements.isEmpty()) {
            return planned;
        }
        replacements.forEach((name, port) -> notes.accept("port " + newcomers.process(name).orElseThrow().port()
                + " is taken; " + name + " uses " + port));
        ports.putAll(replacements);
        return Planner.plan(target, base.withPorts(ports));
    }

    /** Planned port replacements, by process name; {@code reserved} are ports already used by the cluster. */
    static Map<String, Integer> replacements(Plan plan, Set<Integer> reserved) {
        var replacements = new LinkedHashMap<String, Integer>();
        var used = new TreeSet<>(reserved);
        for (PlannedProcess process : plan.processes()) {
            if (used.contains(process.port()) || !available(process.host(), process.port())) {
                int free;
                do {
                    free = FreePorts.on(process.host());
                } while (used.contains(free));
                replacements.put(process.name(), free);
                used.add(free);
            } else {
                used.add(process.port());
            }
        }
        return replacements;
    }

    static boolean available(String host, int port) {
        try (var socket = new ServerSocket()) {
            // As the services bind: a port whose old connections linger in TIME_WAIT is free for them.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindable(host)), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String bindable(String host) {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }
}
