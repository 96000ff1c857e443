package io.clusterdeck.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Jvm;

/**
 * Requests and limits of a runtime service's container, from its JVM heap: the memory request is the heap plus
 * {@value #NON_HEAP_MB} MiB for what the JVM needs besides it (metaspace, code, thread stacks, buffers), the limit
 * twice the request; the CPU request is {@value #CPU_REQUEST}, with no CPU limit (throttling a JVM hurts its
 * latency far more than it saves, and autoscalers measure use against the request).
 */
final class KubernetesResources {
    static final int NON_HEAP_MB = 64;
    static final String CPU_REQUEST = "100m";

    private KubernetesResources() {
    }

    static int requestMb(Jvm jvm) {
        return jvm.heapMb() + NON_HEAP_MB;
    }

    static int limitMb(Jvm jvm) {
        return 2 * requestMb(jvm);
    }

    static ObjectNode of(Jvm jvm) {
        var resources = Yaml.object();
        resources.putObject("requests").put("cpu", CPU_REQUEST).put("memory", requestMb(jvm) + "Mi");
        resources.putObject("limits").put("memory", limitMb(jvm) + "Mi");
        return resources;
    }
}
