package io.clusterdeck.app.designer;

import io.clusterdeck.design.Autoscale;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.GatewaySettings;
import io.clusterdeck.design.HealthCheck;
import io.clusterdeck.design.Jvm;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.NetworkSettings;
import io.clusterdeck.design.ProxySettings;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.json.InvalidValueException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Edits made from text the user typed into the inspector. Each turns the text into a change of one field and
 * throws {@link InvalidValueException} naming the field when the text is not a valid value.
 */
public final class Edits {
    private Edits() {
    }

    public static UnaryOperator<Function> description(String text) {
        return f -> f.withDescription(text.isBlank() ? null : text.strip());
    }

    /** Adds a call to a function, at the end of its calls; no change when it already calls it. */
    public static UnaryOperator<Function> addCall(String callee) {
        return f -> {
            if (f.calls().contains(callee)) {
                return f;
            }
            var calls = new java.util.ArrayList<>(f.calls());
            calls.add(callee);
            return f.withCalls(calls);
        };
    }

    public static UnaryOperator<Function> removeCall(String callee) {
        return f -> f.withCalls(f.calls().stream().filter(c -> !c.equals(callee)).toList());
    }

    /** The most heap, in MB, each of the segment's workers may use. */
    public static UnaryOperator<Segment> heapMb(String text) {
        return s -> s.withJvm(new Jvm(whole("jvm.heapMb", text), s.jvm().options()));
    }

    /** Asks production for an autoscaler between two worker counts, at a CPU target in percent. */
    public static UnaryOperator<Segment> autoscale(String min, String max, String cpuPercent) {
        return s -> withAutoscale(s, new Autoscale(whole("autoscale.minWorkers", min), whole("autoscale.maxWorkers", max),
                whole("autoscale.cpuPercent", cpuPercent)));
    }

    /** Turns production's autoscaler on, around the segment's worker count, or off. */
    public static UnaryOperator<Segment> autoscale(boolean on) {
        return s -> {
            if (!on) {
                return withAutoscale(s, null);
            }
            int workers = s.workers().perCore() ? 1 : s.workers().fixed();
            return withAutoscale(s, new Autoscale(1, Math.max(2, 2 * workers), null));
        };
    }

    private static Segment withAutoscale(Segment s, Autoscale autoscale) {
        return new Segment(s.name(), s.description(), s.functions(), s.workers(), s.balancing(), s.restart(), s.jvm(),
                s.weights(), autoscale);
    }

    public static UnaryOperator<Function> cpuMs(String text) {
        return f -> {
            var s = simulation(f);
            return f.withSimulate(new Simulation(decimal("cpuMs", text), s.latency(), s.errorRate(), s.responseBytes()));
        };
    }

    public static UnaryOperator<Function> latencyMs(String text) {
        return f -> {
            var s = simulation(f);
            var old = s.latency() == null ? Latency.fixed(0) : s.latency();
            var latency = new Latency(old.distribution(), decimal("latency.meanMs", text), old.spreadMs());
            return f.withSimulate(new Simulation(s.cpuMs(), latency, s.errorRate(), s.responseBytes()));
        };
    }

    public static UnaryOperator<Function> errorRate(String text) {
        return f -> {
            var s = simulation(f);
            return f.withSimulate(new Simulation(s.cpuMs(), s.latency(), decimal("errorRate", text), s.responseBytes()));
        };
    }

    public static UnaryOperator<Design> healthInterval(String text) {
        return d -> health(d, new HealthCheck(whole("intervalMs", text), hc(d).timeoutMs(),
                hc(d).unhealthyThreshold(), hc(d).healthyThreshold()));
    }

    public static UnaryOperator<Design> healthTimeout(String text) {
        return d -> health(d, new HealthCheck(hc(d).intervalMs(), whole("timeoutMs", text),
                hc(d).unhealthyThreshold(), hc(d).healthyThreshold()));
    }

    public static UnaryOperator<Design> unhealthyThreshold(String text) {
        return d -> health(d, new HealthCheck(hc(d).intervalMs(), hc(d).timeoutMs(),
                whole("unhealthyThreshold", text), hc(d).healthyThreshold()));
    }

    public static UnaryOperator<Design> retries(String text) {
        return d -> {
            var g = d.gateway();
            return d.withGateway(new GatewaySettings(g.healthCheck(), g.requestTimeoutMs(), whole("retries", text),
                    g.maxBodyBytes(), g.replicas(), g.tryTimeoutMs()));
        };
    }

    public static UnaryOperator<Design> requestTimeout(String text) {
        return d -> {
            var g = d.gateway();
            int timeoutMs = whole("requestTimeoutMs", text);
            return d.withGateway(new GatewaySettings(g.healthCheck(), timeoutMs, g.retries(), g.maxBodyBytes(),
                    g.replicas(), Math.min(g.tryTimeoutMs(), Math.max(10, timeoutMs))));
        };
    }

    public static UnaryOperator<Design> gatewayReplicas(String text) {
        return d -> d.withGateway(d.gateway().withReplicas(whole("replicas", text)));
    }

    public static UnaryOperator<Design> proxy(boolean enabled) {
        return d -> d.withProxy(new ProxySettings(enabled));
    }

    public static UnaryOperator<Design> hopLatency(String text) {
        return d -> {
            var old = d.network().hopLatency() == null ? Latency.fixed(0) : d.network().hopLatency();
            return d.withNetwork(new NetworkSettings(
                    new Latency(old.distribution(), decimal("hopLatency.meanMs", text), old.spreadMs())));
        };
    }

    /** A number as the inspector shows it: no trailing {@code .0}. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    static double decimal(String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "expected a number, was '" + text.strip() + "'");
        }
    }

    static int whole(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "expected a whole number, was '" + text.strip() + "'");
        }
    }

    private static Simulation simulation(Function f) {
        if (f.simulate() == null) {
            throw new InvalidValueException("simulate", "function '" + f.name() + "' runs Java code; it has no cost model");
        }
        return f.simulate();
    }

    private static HealthCheck hc(Design d) {
        return d.gateway().healthCheck();
    }

    private static Design health(Design d, HealthCheck check) {
        return d.withGateway(d.gateway().withHealthCheck(check));
    }
}
