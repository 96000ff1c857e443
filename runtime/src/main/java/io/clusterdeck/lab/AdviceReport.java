package io.clusterdeck.lab;

import java.util.List;
import java.util.Objects;

/**
 * Advice for one design from one profile, as {@code clusterdeck advise} prints it.
 *
 * @param design         the design's name
 * @param profileSeconds how long the profiled run lasted
 */
public record AdviceReport(String design, double profileSeconds, AdviceOptions options, List<Advice> advice) {
    public AdviceReport {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(options, "options");
        advice = List.copyOf(advice);
    }

    /** The advice as numbered plain text, each with its evidence and expected effect. */
    public String render() {
        var out = new StringBuilder("Advice for design '" + design + "' from a " + Figures.format(profileSeconds)
                + " s profile (target utilisation " + Figures.percent(options.targetUtilisation()) + ", "
                + options.coresPerWorker() + (options.coresPerWorker() == 1 ? " core" : " cores") + " per worker): ");
        if (advice.isEmpty()) {
            return out.append("nothing to change.\n").toString();
        }
        out.append(advice.size()).append(advice.size() == 1 ? " suggestion\n" : " suggestions\n");
        for (int i = 0; i < advice.size(); i++) {
            var a = advice.get(i);
            var about = new java.util.ArrayList<>(a.segments().stream().map(s -> "'" + s + "'").toList());
            if (a.kind() != AdviceKind.MERGE) {
                about.addAll(0, a.functions());
            }
            out.append('\n').append(i + 1).append(". ").append(a.kind().json()).append(": ")
                    .append(String.join(", ", about)).append('\n')
                    .append("   ").append(a.message()).append('\n')
                    .append("   Evidence: ").append(a.evidence()).append('\n')
                    .append("   Effect: ").append(a.effect()).append('\n');
        }
        return out.toString();
    }
}
