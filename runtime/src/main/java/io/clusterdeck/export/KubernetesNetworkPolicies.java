package io.clusterdeck.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.plan.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * NetworkPolicies for a design's namespace: nothing goes in or out unless allowed below. The entry service (the
 * proxy, else the gateway or standalone service) takes traffic from anywhere on its port; the gateway only from
 * the proxy and the workers; workers only from the gateway; the repository only from the workers and the proxy.
 * Workers reach the gateway and the repository, the proxy the gateway and the repository, the gateway the workers;
 * every pod may ask the cluster's DNS. Callers are picked by their role's label and callees one service at a time, so
 * with several gateways the proxy and the workers reach each of them, and each of them reaches the workers.
 */
final class KubernetesNetworkPolicies {
    static final String DEFAULT_DENY = "default-deny";
    static final String DNS = "allow-dns";

    private KubernetesNetworkPolicies() {
    }

    static List<ObjectNode> of(KubernetesMeta meta, List<ContainerService> services) {
        var entry = ContainerPlan.entry(services);
        var policies = new ArrayList<ObjectNode>();
        policies.add(defaultDeny(meta));
        policies.add(dns(meta));
        for (var service : services) {
            policies.add(policy(meta, service, service == entry, services));
        }
        return policies;
    }

    private static ObjectNode defaultDeny(KubernetesMeta meta) {
        var node = KubernetesMeta.resource("networking.k8s.io/v1", "NetworkPolicy");
        node.set("metadata", meta.namespaced(DEFAULT_DENY, "network-policy", null));
        var spec = node.putObject("spec");
        spec.putObject("podSelector");
        spec.set("policyTypes", Yaml.array("Ingress", "Egress"));
        return node;
    }

    private static ObjectNode dns(KubernetesMeta meta) {
        var node = KubernetesMeta.resource("networking.k8s.io/v1", "NetworkPolicy");
        node.set("metadata", meta.namespaced(DNS, "network-policy", null));
        var spec = node.putObject("spec");
        spec.putObject("podSelector");
        spec.set("policyTypes", Yaml.array("Egress"));
        var ports = spec.putArray("egress").addObject().putArray("ports");
        ports.addObject().put("port", 53).put("protocol", "UDP");
        ports.addObject().put("port", 53).put("protocol", "TCP");
        return node;
    }

    /** Who may call a service, and whom it may call. */
    private static ObjectNode policy(KubernetesMeta meta, ContainerService service, boolean entry,
                                     List<ContainerService> all) {
        var node = KubernetesMeta.resource("networking.k8s.io/v1", "NetworkPolicy");
        node.set("metadata", meta.namespaced(service.name(), "network-policy", service.name()));
        var spec = node.putObject("spec");
        spec.putObject("podSelector").set("matchLabels", meta.selector(service.name()));
        spec.set("policyTypes", Yaml.array("Ingress", "Egress"));
        var ingress = spec.putArray("ingress").addObject();
        if (!entry) {
            var from = ingress.putArray("from");
            callers(service.role()).forEach(role -> from.addObject().putObject("podSelector")
                    .set("matchLabels", meta.componentSelector(role.json())));
        }
        ingress.putArray("ports").addObject().put("port", service.port()).put("protocol", "TCP");
        var egress = spec.putArray("egress");
        for (var target : all) {
            if (calls(service.role(), target.role())) {
                var rule = egress.addObject();
                rule.putArray("to").addObject().putObject("podSelector").set("matchLabels", meta.selector(target.name()));
                rule.putArray("ports").addObject().put("port", target.port()).put("protocol", "TCP");
            }
        }
        return node;
    }

    /** The roles that call a role's service, when it is not the entry. */
    private static List<Role> callers(Role role) {
        return switch (role) {
            case GATEWAY -> List.of(Role.PROXY, Role.WORKER);
            case WORKER -> List.of(Role.GATEWAY);
            case REPOSITORY -> List.of(Role.WORKER, Role.PROXY);
            case PROXY, STANDALONE -> List.of();
        };
    }

    /** Whether a service of one role calls one of another. */
    private static boolean calls(Role from, Role to) {
        return switch (from) {
            case PROXY, WORKER -> to == Role.GATEWAY || to == Role.REPOSITORY;
            case GATEWAY -> to == Role.WORKER;
            case REPOSITORY, STANDALONE -> false;
        };
    }
}
