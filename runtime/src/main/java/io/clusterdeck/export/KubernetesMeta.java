package io.clusterdeck.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Names, labels and annotations shared by a design's manifests. Every resource is labelled with the recommended
 * {@code app.kubernetes.io} labels and annotated with the design it came from.
 */
final class KubernetesMeta {
    static final String NAME = "app.kubernetes.io/name";
    static final String PART_OF = "app.kubernetes.io/part-of";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String DESIGN = "clusterdeck.io/design";
    static final String DESIGN_SHA256 = "clusterdeck.io/design-sha256";
    static final String RESTART = "clusterdeck.io/restart";
    static final String CONFIG_SHA256 = "clusterdeck.io/config-sha256";

    private final String design;
    private final DesignSource source;

    KubernetesMeta(String design, DesignSource source) {
        this.design = design;
        this.source = source;
    }

    /** The namespace every resource of the design lives in: the design's name, a valid DNS-1123 label. */
    String namespace() {
        return design;
    }

    static ObjectNode resource(String apiVersion, String kind) {
        var node = Yaml.object();
        node.put("apiVersion", apiVersion);
        node.put("kind", kind);
        return node;
    }

    ObjectNode metadata(String name, String component, String appName) {
        var metadata = Yaml.object();
        metadata.put("name", name);
        metadata.set("labels", labels(component, appName));
        metadata.putObject("annotations").put(DESIGN, source.name()).put(DESIGN_SHA256, source.sha256());
        return metadata;
    }

    ObjectNode namespaced(String name, String component, String appName) {
        var metadata = metadata(name, component, appName);
        var ordered = Yaml.object();
        ordered.put("name", name);
        ordered.put("namespace", namespace());
        ordered.setAll(metadata);
        return ordered;
    }

    ObjectNode labels(String component, String appName) {
        var labels = Yaml.object();
        labels.put(NAME, appName == null ? design : appName);
        labels.put(PART_OF, design);
        if (component != null) {
            labels.put(COMPONENT, component);
        }
        labels.put(MANAGED_BY, "clusterdeck");
        return labels;
    }

    /** The labels that pick a service's pods. */
    ObjectNode selector(String appName) {
        var selector = Yaml.object();
        selector.put(NAME, appName);
        selector.put(PART_OF, design);
        return selector;
    }

    /** The labels that pick the pods of every service of a component (a role) in the design. */
    ObjectNode componentSelector(String component) {
        var selector = Yaml.object();
        selector.put(PART_OF, design);
        selector.put(COMPONENT, component);
        return selector;
    }
}
