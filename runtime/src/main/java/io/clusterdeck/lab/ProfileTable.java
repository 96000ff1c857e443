package io.clusterdeck.lab;

import java.util.Locale;

/** A profile as a few aligned lines for a terminal. */
public final class ProfileTable {
    private ProfileTable() {
    }

    public static String render(Profile profile) {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Profile of %s over %.1f s%n", profile.design(), profile.seconds()));
        int width = Math.max(8, profile.functions().stream().mapToInt(f -> f.name().length()).max().orElse(8));
        var row = "%-" + width + "s  %-12s %8s %8s %9s %8s %8s %7s%n";
        out.append(String.format(Locale.ROOT, row, "FUNCTION", "SEGMENT", "CALLS/S", "CPU MS", "MEAN MS", "P50 MS",
                "P99 MS", "ERRORS"));
        for (var f : profile.functions()) {
            out.append(String.format(Locale.ROOT, row, f.name(), f.segment(), fixed(f.calls() / profile.seconds(), 1),
                    fixed(f.cpuMsPerCall(), 3), fixed(f.meanMs(), 2), fixed(f.p50Ms(), 2), fixed(f.p99Ms(), 2),
                    f.errors()));
        }
        var crossing = profile.calls().stream().filter(CallProfile::crossesGateway).toList();
        if (!crossing.isEmpty()) {
            out.append("Calls through the gateway:\n");
            for (var c : crossing) {
                double perCall = profile.function(c.from()).map(f -> f.calls() == 0 ? 0 : c.count() / (double) f.calls())
                        .orElse(0.0);
                out.append(String.format(Locale.ROOT, "  %s -> %s: %.2f per call, %.2f ms each, of which the hop %.2f ms%n",
                        c.from(), c.to(), perCall, c.meanMs(), c.hopMs()));
            }
        }
        return out.toString();
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
