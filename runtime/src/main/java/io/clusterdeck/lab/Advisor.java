package io.clusterdeck.lab;

import io.clusterdeck.design.Design;
import io.clusterdeck.json.DocumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

/**
 * Segmentation advice from a measured run: given a valid design, the profile of a run of it and what to aim for,
 * concrete suggestions, each with its evidence, its expected effect and, where it changes the design, the edit.
 *
 * <p>The rules run in a fixed order, each on the design as the advice before it left it: split, merge,
 * non-idempotent calls across the gateway, then size and availability. A rule leaves alone what earlier advice
 * changed where it would undo it (a merge never takes a segment a split made or changed), and an edit that would leave
 * the design invalid is dropped, so applying all advice in order always gives a valid design. The same inputs always
 * give the same advice. The rules and their thresholds are documented in {@code docs/segmentation-lab.md}.
 */
public final class Advisor {
    private static final List<Function<Situation, List<Advice>>> RULES = List.of(SplitRule::propose,
            MergeRule::propose, RetryRule::propose, SizeRule::propose);

    private Advisor() {
    }

    /** Advice for a design; throws {@link DocumentException} when the design has problems. */
    public static List<Advice> advise(Design design, Profile profile, AdviceOptions options) {
        var problems = design.validate();
        if (!problems.isEmpty()) {
            throw new DocumentException(problems);
        }
        var advice = new ArrayList<Advice>();
        var touched = new HashSet<String>();
        var current = design;
        for (var rule : RULES) {
            for (var suggestion : rule.apply(new Situation(current, profile, options, touched))) {
                if (suggestion.changesDesign()) {
                    var next = suggestion.applyTo(current);
                    if (!next.validate().isEmpty()) {
                        continue;
                    }
                    current = next;
                    touched.addAll(suggestion.segments());
                }
                advice.add(suggestion);
            }
        }
        return List.copyOf(advice);
    }

    /** The design with every piece of advice applied, in order. */
    public static Design apply(Design design, List<Advice> advice) {
        var result = design;
        for (var suggestion : advice) {
            result = suggestion.applyTo(result);
        }
        return result;
    }
}
