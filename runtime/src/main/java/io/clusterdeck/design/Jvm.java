package io.clusterdeck.design;

import io.clusterdeck.json.Checks;
import java.util.List;

/** JVM settings of a segment's workers: maximum heap and extra options. */
public record Jvm(Integer heapMb, List<String> options) {
    public static final Jvm DEFAULT = new Jvm(null, null);

    public Jvm {
        heapMb = heapMb == null ? 64 : heapMb;
        options = options == null ? List.of() : List.copyOf(options);
        var checks = new Checks().between("heapMb", heapMb, 16, 65_536);
        for (int i = 0; i < options.size(); i++) {
            if (!options.get(i).startsWith("-")) {
                checks.fail("options[" + i + "]", "'" + options.get(i) + "' is not a JVM option (it must start with '-')");
            }
        }
        checks.throwIfAny();
    }
}
