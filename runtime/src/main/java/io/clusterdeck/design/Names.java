package io.clusterdeck.design;

import io.clusterdeck.json.InvalidValueException;
import io.clusterdeck.json.Strings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Naming rules of the design format, and the JSON spelling of its enums ({@code round-robin}). */
public final class Names {
    /** Jitar-style function names: path parts of letters, digits, '-' and '_', such as {@code orders/checkout}. */
    public static final Pattern FUNCTION = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(/[A-Za-z][A-Za-z0-9_-]*)*");
    public static final String FUNCTION_RULE =
            "use parts of letters, digits, '-' and '_' separated by '/', each starting with a letter (orders/checkout)";
    public static final String LOWER_RULE =
            "use lower-case letters, digits and '-', starting with a letter, at most 40 characters";

    private Names() {
    }

    static String json(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every JSON spelling of an enum, in declaration order. */
    public static List<String> values(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Names::json).toList();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String what, String value) {
        for (E constant : type.getEnumConstants()) {
            if (json(constant).equals(value)) {
                return constant;
            }
        }
        var known = values(type);
        String hint = Strings.closest(value, known).map(k -> "; did you mean '" + k + "'?")
                .orElse("; expected one of " + String.join(", ", known));
        throw new InvalidValueException("", "unknown " + what + " '" + value + "'" + hint);
    }
}
