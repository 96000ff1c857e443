package io.clusterdeck.lab;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.clusterdeck.design.Design;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One concrete suggestion for a design, with the measurements behind it.
 *
 * @param kind      the rule that made it
 * @param functions the functions it concerns (may be empty)
 * @param segments  the segments it concerns, the one it changes first; a segment it creates comes last
 * @param message   one sentence: what to do and why
 * @param evidence  the measured figures, as a sentence
 * @param figures   the same figures as numbers
 * @param effect    what is expected to change once it is applied
 * @param edit      the change to the design, or null for advice that changes nothing by itself
 */
public record Advice(AdviceKind kind, List<String> functions, List<String> segments, String message, String evidence,
                     List<Figure> figures, String effect, @JsonIgnore UnaryOperator<Design> edit) {
    public Advice {
        Objects.requireNonNull(kind, "kind");
        functions = List.copyOf(functions);
        segments = List.copyOf(segments);
        figures = List.copyOf(figures);
        for (var text : new String[] {message, evidence, effect}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(kind.json() + ": message, evidence and effect must not be blank");
            }
        }
    }

    /** Whether applying it changes the design. */
    @JsonProperty
    public boolean changesDesign() {
        return edit != null;
    }

    /** The design with this advice applied; the same design for advice without an edit. */
    public Design applyTo(Design design) {
        return edit == null ? design : edit.apply(design);
    }

    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
