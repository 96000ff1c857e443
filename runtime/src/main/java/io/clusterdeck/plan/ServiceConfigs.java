package io.clusterdeck.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.json.Parsed;
import io.clusterdeck.json.Problem;
import io.clusterdeck.json.RecordTrees;
import io.clusterdeck.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads and writes service config files, the files {@code clusterdeck run} takes. */
public final class ServiceConfigs {
    private static final Map<String, Class<? extends ServiceConfig>> TYPES = Map.of(
            "repository", RepositoryConfig.class,
            "gateway", GatewayConfig.class,
            "worker", WorkerConfig.class,
            "standalone", StandaloneConfig.class,
            "proxy", ProxyConfig.class);

    private ServiceConfigs() {
    }

    /** A config as JSON text, its role first. */
    public static String toJson(ServiceConfig config) {
        return StrictJson.write(RecordTrees.tree(config));
    }

    /** Reads a config file, checking that it is for the expected role. */
    public static Parsed<ServiceConfig> load(Path file, Role expected) {
        String source = file.toString();
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), source, expected);
        } catch (NoSuchFileException e) {
            return failure(source, "no such file");
        } catch (IOException e) {
            return failure(source, "cannot read the file: " + e.getMessage());
        }
    }

    public static Parsed<ServiceConfig> parse(String text, String source, Role expected) {
        return StrictJson.read(text, source, tree -> {
            if (!tree.isObject()) {
                return new Parsed<>(Optional.empty(), List.of(Problem.at("$", "a service config is a JSON object")));
            }
            var role = tree.path("role");
            String wanted = expected.name().toLowerCase(Locale.ROOT);
            if (!role.isTextual() || !TYPES.containsKey(role.textValue())) {
                return new Parsed<>(Optional.empty(), List.of(Problem.at("role",
                        "expected one of " + String.join(", ", TYPES.keySet().stream().sorted().toList()))));
            }
            if (!role.textValue().equals(wanted)) {
                return new Parsed<>(Optional.empty(), List.of(Problem.at("role",
                        "this is a " + role.textValue() + " config, not a " + wanted + " config")));
            }
            var object = ((ObjectNode) tree).deepCopy();
            object.remove("role");
            var bound = StrictJson.bind(object, TYPES.get(wanted), "$");
            return new Parsed<>(bound.value().map(ServiceConfig.class::cast), bound.problems());
        });
    }

    private static Parsed<ServiceConfig> failure(String source, String message) {
        return new Parsed<>(Optional.empty(), List.of(new Problem(source, 0, 0, "$", message)));
    }
}
