package io.clusterdeck.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a design is exported for. */
public enum Target {
    /** One config per service for {@code clusterdeck run}, and a README on starting each by hand. */
    RUNTIME,
    /** A Compose file, the configs it mounts and the Dockerfile of the runtime image. */
    COMPOSE,
    /** Kubernetes manifests: Deployments, Services, a ConfigMap, a Secret, an Ingress and autoscalers. */
    KUBERNETES;

    /** The name users type: {@code runtime}, {@code compose}, {@code kubernetes}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Target> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.json().equals(value)).findFirst();
    }

    /** {@code runtime, compose, kubernetes}, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(Target::json).collect(Collectors.joining(", "));
    }
}
