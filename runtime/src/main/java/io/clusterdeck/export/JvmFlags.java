package io.clusterdeck.export;

import io.clusterdeck.design.Jvm;
import java.util.ArrayList;
import java.util.List;

/** The JVM flags a runtime service starts with. */
public final class JvmFlags {
    /**
     * Flags that keep a small service small and quick to start: C1 only, the serial collector, small thread stacks.
     * The runtime image sets them, with a 64 MB heap, as its default {@code JAVA_TOOL_OPTIONS}.
     */
    public static final List<String> SMALL = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss256k");

    private JvmFlags() {
    }

    /** The small-JVM flags, {@code -Xmx} from the design, then the design's own options (which win). */
    public static List<String> of(Jvm jvm) {
        var flags = new ArrayList<>(SMALL);
        flags.add("-Xmx" + jvm.heapMb() + "m");
        flags.addAll(jvm.options());
        return List.copyOf(flags);
    }
}
