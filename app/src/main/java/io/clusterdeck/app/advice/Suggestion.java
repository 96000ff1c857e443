package io.clusterdeck.app.advice;

import io.clusterdeck.design.Design;
import io.clusterdeck.lab.Advice;
import io.clusterdeck.lab.AdviceKind;
import java.util.ArrayList;
import java.util.Objects;

/**
 * One piece of advice as the Advise panel shows it.
 *
 * @param advice     what the advisor suggests, with its evidence and expected effect
 * @param applicable whether Apply can make it on its own, to the design as it is now: false for advice that changes
 *                   nothing, and for advice that builds on the suggestions before it (a segment they create, say)
 */
public record Suggestion(Advice advice, boolean applicable) {
    public Suggestion {
        Objects.requireNonNull(advice, "advice");
    }

    /** The suggestion for a design: applicable when its edit alone changes the design into a valid one. */
    static Suggestion of(Advice advice, Design design) {
        if (!advice.changesDesign()) {
            return new Suggestion(advice, false);
        }
        try {
            var result = advice.applyTo(design);
            return new Suggestion(advice, !result.equals(design) && result.validate().isEmpty());
        } catch (RuntimeException e) {
            // An edit written for the design after earlier advice may not fit the design before it.
            return new Suggestion(advice, false);
        }
    }

    /** What it concerns, as {@code clusterdeck advise} names it: the functions, then the segments in quotes. */
    public String subject() {
        var about = new ArrayList<String>();
        if (advice.kind() != AdviceKind.MERGE) {
            about.addAll(advice.functions());
        }
        advice.segments().forEach(s -> about.add("'" + s + "'"));
        return String.join(", ", about);
    }
}
