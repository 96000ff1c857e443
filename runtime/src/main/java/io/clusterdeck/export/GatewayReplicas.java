package io.clusterdeck.export;

import io.clusterdeck.plan.Role;
import java.util.List;

/**
 * What the Compose and Kubernetes READMEs say about a design that runs several gateways, said once so both say the
 * same. A design with one gateway gets none of it.
 */
final class GatewayReplicas {
    private GatewayReplicas() {
    }

    /** Whether the services run more than one gateway. */
    static boolean several(List<ContainerService> services) {
        return ContainerPlan.gateways(services).size() > 1;
    }

    /** The gateways' names as a sentence would list them: {@code `gateway-1`, `gateway-2` and `gateway-3`}. */
    static String listed(List<ContainerService> services) {
        var names = ContainerPlan.gateways(services).stream().map(s -> "`" + s.name() + "`").toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** How many gateways run, which, and why: so that none of them is a single point of failure. */
    static String why(List<ContainerService> services) {
        var out = new StringBuilder("This design runs ").append(ContainerPlan.gateways(services).size())
                .append(" gateways, ").append(listed(services))
                .append(", so that no gateway is a single point of failure: each knows every worker, every worker ")
                .append("registers with each of them and calls other segments through any that answers");
        if (hasProxy(services)) {
            out.append(", and the proxy balances calls over them, leaves out one that stops answering, and sends ")
                    .append("a call that one never got (or an idempotent call it is slow to answer) to another");
        }
        return out.append(". One gateway down, the others carry on.").toString();
    }

    /** Without a proxy the entry is the first gateway alone; what to do about it. */
    static String withoutProxy(List<ContainerService> services) {
        return hasProxy(services) ? "" : "Without the proxy, clients call `" + ContainerPlan.entry(services).name()
                + "` only: enable the proxy (`\"proxy\": { \"enabled\": true }`) to spread them over every gateway.";
    }

    private static boolean hasProxy(List<ContainerService> services) {
        return services.stream().anyMatch(s -> s.role() == Role.PROXY);
    }
}
