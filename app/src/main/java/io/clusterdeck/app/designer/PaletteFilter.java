package io.clusterdeck.app.designer;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import java.util.List;
import java.util.Locale;

/** Which functions the palette lists. */
public enum PaletteFilter {
    ALL("All functions"),
    UNASSIGNED("In no segment"),
    PUBLIC("Public"),
    PROTECTED("Protected"),
    PRIVATE("Private"),
    SIMULATED("Simulated"),
    JAVA("Java"),
    COSTLY("Costly");

    private final String label;

    PaletteFilter(String label) {
        this.label = label;
    }

    /** The functions that pass this filter and whose name or description contains the query, in design order. */
    public List<Function> apply(Design design, String query) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return design.functions().stream()
                .filter(f -> test(design, f))
                .filter(f -> needle.isEmpty() || f.name().toLowerCase(Locale.ROOT).contains(needle)
                        || (f.description() != null && f.description().toLowerCase(Locale.ROOT).contains(needle)))
                .toList();
    }

    private boolean test(Design design, Function f) {
        switch (this) {
            case UNASSIGNED: return design.segmentOf(f.name()).isEmpty();
            case PUBLIC: return f.access() == Access.PUBLIC;
            case PROTECTED: return f.access() == Access.PROTECTED;
            case PRIVATE: return f.access() == Access.PRIVATE;
            case SIMULATED: return !f.hasJavaImplementation();
            case JAVA: return f.hasJavaImplementation();
            case COSTLY: return FunctionFacts.costly(f);
            default: return true;
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
