package io.clusterdeck.lab;

import java.util.List;

/** Profiles built in code: a function's latency percentiles all equal its mean, which is all the rules read. */
public final class Profiles {
    private Profiles() {
    }

    static FunctionProfile measured(String name, String segment, long calls, double cpuMsPerCall, double meanMs) {
        return new FunctionProfile(name, segment, calls, 0, cpuMsPerCall, meanMs, meanMs, meanMs, meanMs, meanMs);
    }

    static CallProfile call(String from, String to, long count, boolean crossesGateway) {
        return new CallProfile(from, to, count, crossesGateway, 1, crossesGateway ? 0.5 : 0);
    }

    static Profile profile(String design, double seconds, List<FunctionProfile> functions, List<CallProfile> calls) {
        return new Profile(Profile.FORMAT_VERSION, design, seconds, functions, calls);
    }

    /**
     * A minute of the web shop under load: rates per second chosen, CPU per call as the design simulates it, so the
     * storefront and orders carry little and the thumbnails 1.2 cores.
     */
    public static Profile webshop() {
        return profile("webshop", 60, List.of(
                measured("catalog/search", "storefront", 50 * 60, 2, 14),
                measured("catalog/product", "storefront", 80 * 60, 1, 7),
                measured("catalog/price", "storefront", 165 * 60, 0.5, 1),
                measured("cart/add", "storefront", 10 * 60, 1, 5),
                measured("cart/view", "storefront", 25 * 60, 1, 4),
                measured("orders/checkout", "orders", 5 * 60, 3, 60),
                measured("payments/charge", "orders", 5 * 60, 0.5, 30),
                measured("inventory/reserve", "orders", 5 * 60, 0.5, 4),
                measured("images/thumbnail", "images", 30 * 60, 40, 41)), List.of(
                call("catalog/search", "catalog/price", 50 * 60, false),
                call("catalog/product", "catalog/price", 80 * 60, false),
                call("cart/add", "catalog/price", 10 * 60, false),
                call("cart/view", "catalog/price", 25 * 60, false),
                call("orders/checkout", "cart/view", 5 * 60, true),
                call("orders/checkout", "inventory/reserve", 5 * 60, false),
                call("orders/checkout", "payments/charge", 5 * 60, false)));
    }
}
