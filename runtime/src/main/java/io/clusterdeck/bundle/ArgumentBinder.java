package io.clusterdeck.bundle;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.clusterdeck.function.FunctionContext;
import io.clusterdeck.json.Strings;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a call's named JSON arguments into a method's parameter values, naming every argument that does not fit. */
final class ArgumentBinder {
    private static final int SHOWN_CHARACTERS = 40;

    private ArgumentBinder() {
    }

    static Object[] bind(String function, List<BoundParameter> parameters, Map<String, ?> arguments,
                         FunctionContext context) {
        var problems = new ArrayList<String>();
        var names = parameters.stream().filter(p -> p.kind() != BoundParameter.Kind.CONTEXT)
                .map(BoundParameter::name).toList();
        arguments.keySet().stream().filter(name -> !names.contains(name)).sorted()
                .forEach(name -> problems.add(unknown(name, names)));
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < values.length; i++) {
            var parameter = parameters.get(i);
            switch (parameter.kind()) {
                case CONTEXT -> values[i] = context;
                case OPTIONAL -> values[i] = arguments.containsKey(parameter.name())
                        ? Optional.ofNullable(convert(parameter, arguments.get(parameter.name()), problems))
                        : Optional.empty();
                case REQUIRED -> {
                    if (arguments.containsKey(parameter.name()) && arguments.get(parameter.name()) == null) {
                        problems.add("argument '" + parameter.name() + "' must be " + expected(parameter.type()) + ", was null");
                    } else if (arguments.containsKey(parameter.name())) {
                        values[i] = convert(parameter, arguments.get(parameter.name()), problems);
                    } else {
                        problems.add("missing argument '" + parameter.name() + "' (" + expected(parameter.type()) + ")");
                    }
                }
                default -> throw new IllegalStateException("unknown parameter kind " + parameter.kind());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadArgumentsException(function, problems, null);
        }
        return values;
    }

    private static String unknown(String name, List<String> names) {
        return "unknown argument '" + name + "'" + Strings.closest(name, names).map(n -> "; did you mean '" + n + "'?")
                .orElse(names.isEmpty() ? "; the function takes no arguments"
                        : "; expected " + String.join(", ", names));
    }

    private static Object convert(BoundParameter parameter, Object value, List<String> problems) {
        try {
            return FunctionJson.bind(value, parameter.type());
        } catch (IllegalArgumentException e) {
            problems.add(mismatch(parameter, value, e.getCause() == null ? e : e.getCause()));
            return null;
        }
    }

    private static String mismatch(BoundParameter parameter, Object value, Throwable cause) {
        String argument = "argument '" + parameter.name() + "'";
        if (!(cause instanceof JsonMappingException mapping)) {
            return argument + " must be " + expected(parameter.type()) + ": " + firstLine(cause.getMessage());
        }
        var path = mapping.getPath();
        if (cause instanceof UnrecognizedPropertyException unrecognized) {
            var known = unrecognized.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return argument + at(path.subList(0, path.size() - 1)) + " has an unknown field '"
                    + unrecognized.getPropertyName() + "'" + (known.isEmpty() ? "" : "; expected "
                    + String.join(", ", known));
        }
        if (cause instanceof ValueInstantiationException && cause.getCause() != null) {
            return argument + at(path) + " is not valid: " + firstLine(cause.getCause().getMessage());
        }
        if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            var missing = missingField(value, path);
            if (missing != null) {
                return argument + at(path.subList(0, path.size() - 1)) + " is missing field '" + missing + "' ("
                        + expected(mismatched.getTargetType()) + ")";
            }
            return argument + at(path) + " must be " + expected(mismatched.getTargetType()) + ", was "
                    + describe(locate(value, path));
        }
        return argument + at(path) + " must be " + expected(parameter.type()) + ": "
                + firstLine(mapping.getOriginalMessage());
    }

    private static String at(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "";
        }
        var where = new StringBuilder(" at ");
        for (var reference : path) {
            if (reference.getFieldName() != null) {
                where.append(where.length() > 4 ? "." : "").append(reference.getFieldName());
            } else {
                where.append('[').append(reference.getIndex()).append(']');
            }
        }
        return where.toString();
    }

    /** The name of the field the path ends in, when the object lacks it entirely; otherwise null. */
    private static String missingField(Object value, List<JsonMappingException.Reference> path) {
        if (path.isEmpty() || path.get(path.size() - 1).getFieldName() == null) {
            return null;
        }
        String field = path.get(path.size() - 1).getFieldName();
        return locate(value, path.subList(0, path.size() - 1)) instanceof Map<?, ?> object && !object.containsKey(field)
                ? field : null;
    }

    private static Object locate(Object value, List<JsonMappingException.Reference> path) {
        Object current = value;
        for (var reference : path) {
            if (reference.getFieldName() != null && current instanceof Map<?, ?> map) {
                current = map.get(reference.getFieldName());
            } else if (reference.getIndex() >= 0 && current instanceof List<?> list && reference.getIndex() < list.size()) {
                current = list.get(reference.getIndex());
            } else {
                return current;
            }
        }
        return current;
    }

    /** What a Java type expects, in JSON words: "an integer", "a list", "one of GOLD, SILVER". */
    static String expected(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return expected(parameterized.getRawType());
        }
        if (type instanceof GenericArrayType) {
            return "a list";
        }
        if (!(type instanceof Class<?> c)) {
            return "a JSON value";
        }
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class
                || c == Long.class || c == Short.class || c == Byte.class || c == BigInteger.class) {
            return "an integer";
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class || c == BigDecimal.class
                || c == Number.class) {
            return "a number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        }
        if (c == String.class || c == CharSequence.class || c == char.class || c == Character.class) {
            return "a string";
        }
        if (c.isEnum()) {
            return "one of " + Arrays.stream(c.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (c.isArray() || Collection.class.isAssignableFrom(c)) {
            return "a list";
        }
        if (c == Object.class) {
            return "a JSON value";
        }
        return "an object";
    }

    /** A JSON value as a message shows it: {@code the string "ten"}, {@code the number 2.5}, {@code a list}. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string \"" + (s.length() > SHOWN_CHARACTERS ? s.substring(0, SHOWN_CHARACTERS) + "..." : s) + "\"";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?> || value.getClass().isArray()) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not accepted";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
