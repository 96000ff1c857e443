package io.clusterdeck.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a JSON tree to records, collecting every problem instead of stopping at the first: unknown keys,
 * wrong types, and each rule a validating constructor reports. A value whose parts have problems is not built,
 * but its siblings still are, so one pass reports everything wrong with a document.
 *
 * <p>Supported shapes: records (keys are component names, or {@link JsonProperty} on the accessor), classes or
 * enums with a static {@link JsonCreator} factory taking a String, Integer or Object, {@code List<T>},
 * {@code Map<String, T>}, String, Integer, Long, Double, Boolean and {@link JsonNode} (kept as it is).
 */
final class RecordBinder {
    private static final Object FAILED = new Object();

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    /** The bound value, or {@code null} when it had problems (they are in {@link #problems()}). */
    Object bind(JsonNode node, Type type, String path) {
        Object value = bindOrFail(node, type, path);
        return value == FAILED ? null : value;
    }

    private Object bindOrFail(JsonNode node, Type type, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            var raw = (Class<?>) parameterized.getRawType();
            var args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return bindList(node, args[0], path);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return bindMap(node, args[1], path);
            }
            throw new IllegalArgumentException("cannot bind " + type);
        }
        var cls = (Class<?>) type;
        if (cls == JsonNode.class) {
            return node;
        }
        if (cls == String.class) {
            return node.isTextual() ? node.textValue() : typeProblem(path, "a string", node);
        }
        if (cls == Integer.class || cls == int.class) {
            return node.isIntegralNumber() && node.canConvertToInt() ? node.intValue() : typeProblem(path, "a whole number", node);
        }
        if (cls == Long.class || cls == long.class) {
            return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : typeProblem(path, "a whole number", node);
        }
        if (cls == Double.class || cls == double.class) {
            return node.isNumber() ? node.doubleValue() : typeProblem(path, "a number", node);
        }
        if (cls == Boolean.class || cls == boolean.class) {
            return node.isBoolean() ? node.booleanValue() : typeProblem(path, "true or false", node);
        }
        Method creator = creator(cls);
        if (creator != null) {
            return bindWithCreator(node, creator, path);
        }
        if (cls.isRecord()) {
            return bindRecord(node, cls, path);
        }
        throw new IllegalArgumentException("cannot bind " + cls);
    }

    private Object bindList(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            return typeProblem(path, "a list", node);
        }
        var values = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isNull()) {
                problems.add(Problem.at(Paths.index(path, i), "must not be null"));
                failed = true;
                continue;
            }
            Object value = bindOrFail(node.get(i), element, Paths.index(path, i));
            failed |= value == FAILED;
            values.add(value);
        }
        return failed ? FAILED : values;
    }

    private Object bindMap(JsonNode node, Type valueType, String path) {
        if (!node.isObject()) {
            return typeProblem(path, "an object", node);
        }
        var values = new LinkedHashMap<String, Object>();
        boolean failed = false;
        for (var it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getValue().isNull()) {
                problems.add(Problem.at(Paths.child(path, entry.getKey()), "must not be null"));
                failed = true;
                continue;
            }
            Object value = bindOrFail(entry.getValue(), valueType, Paths.child(path, entry.getKey()));
            failed |= value == FAILED;
            values.put(entry.getKey(), value);
        }
        return failed ? FAILED : values;
    }

    private Object bindRecord(JsonNode node, Class<?> cls, String path) {
        if (!node.isObject()) {
            return typeProblem(path, "an object", node);
        }
        RecordComponent[] components = cls.getRecordComponents();
        var names = new LinkedHashMap<String, RecordComponent>();
        for (var component : components) {
            names.put(jsonName(component), component);
        }
        boolean failed = false;
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!names.containsKey(key)) {
                problems.add(Problem.at(Paths.child(path, key), unknownKey(key, names.keySet())));
                failed = true;
            }
        }
        Object[] args = new Object[components.length];
        var failedKeys = new ArrayList<String>();
        for (int i = 0; i < components.length; i++) {
            String key = jsonName(components[i]);
            Object value = bindOrFail(node.get(key), components[i].getGenericType(), Paths.child(path, key));
            if (value == null && components[i].getType().isPrimitive()) {
                problems.add(Problem.at(Paths.child(path, key), "is required"));
                value = FAILED;
            }
            if (value == FAILED) {
                failedKeys.add(key);
                value = null;
            }
            args[i] = value;
        }
        if (failed || !failedKeys.isEmpty()) {
            reportOwnRules(cls, components, args, path, failedKeys);
            return FAILED;
        }
        try {
            return constructor(cls, components).newInstance(args);
        } catch (InvocationTargetException e) {
            return violations(e.getCause(), path);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + cls.getName(), e);
        }
    }

    /**
     * When some parts of a record failed, still runs its constructor with those parts left out, and reports the
     * rules it breaks about its other fields, so that one pass finds every problem.
     */
    private void reportOwnRules(Class<?> cls, RecordComponent[] components, Object[] args, String path,
                                List<String> failedKeys) {
        for (int i = 0; i < components.length; i++) {
            if (args[i] == null && components[i].getType().isPrimitive()) {
                return;
            }
        }
        try {
            constructor(cls, components).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidValueException invalid) {
                for (var v : invalid.violations()) {
                    boolean aboutFailedPart = v.field().isEmpty() || failedKeys.stream()
                            .anyMatch(k -> v.field().equals(k) || v.field().startsWith(k + ".") || v.field().startsWith(k + "["));
                    if (!aboutFailedPart) {
                        problems.add(Problem.at(Paths.resolve(path, v.field()), v.message()));
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + cls.getName(), e);
        }
    }

    private static Constructor<?> constructor(Class<?> cls, RecordComponent[] components) throws NoSuchMethodException {
        Constructor<?> constructor = cls.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        return constructor;
    }

    private Object bindWithCreator(JsonNode node, Method creator, String path) {
        Class<?> parameter = creator.getParameterTypes()[0];
        Object argument;
        if (parameter == String.class) {
            if (!node.isTextual()) {
                return typeProblem(path, "a string", node);
            }
            argument = node.textValue();
        } else if (parameter == Integer.class || parameter == int.class) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                return typeProblem(path, "a whole number", node);
            }
            argument = node.intValue();
        } else {
            argument = node.isTextual() ? node.textValue() : node.isIntegralNumber() && node.canConvertToInt()
                    ? (Object) node.intValue() : node.isNumber() ? node.doubleValue() : node;
        }
        try {
            return creator.invoke(null, argument);
        } catch (InvocationTargetException e) {
            return violations(e.getCause(), path);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + creator, e);
        }
    }

    private Object violations(Throwable cause, String path) {
        if (cause instanceof InvalidValueException invalid) {
            for (var v : invalid.violations()) {
                problems.add(Problem.at(Paths.resolve(path, v.field()), v.message()));
            }
            return FAILED;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }

    private Object typeProblem(String path, String expected, JsonNode node) {
        problems.add(Problem.at(path, "expected " + expected + ", was " + describe(node)));
        return FAILED;
    }

    static String jsonName(RecordComponent component) {
        var property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    static Method creator(Class<?> cls) {
        for (Method method : cls.getDeclaredMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(JsonCreator.class)
                    && method.getParameterCount() == 1) {
                method.setAccessible(true);
                return method;
            }
        }
        return null;
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + node.textValue() + "\"";
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : node.isObject() ? "an object" : node.getNodeType().name().toLowerCase();
    }

    private static String unknownKey(String key, Set<String> known) {
        return "unknown key '" + key + "'" + Strings.closest(key, known)
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("; expected one of " + String.join(", ", known));
    }
}
