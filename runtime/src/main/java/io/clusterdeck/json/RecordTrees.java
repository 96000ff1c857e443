package io.clusterdeck.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values as the JSON trees {@link StrictJson#write} writes of them, without a mapper: the launcher writes every
 * process's config this way as it starts them (a mapper and a serializer per record type cost it a tenth of a second
 * of CPU while the cluster's processes start on the same cores). The mirror of {@link RecordBinder}: records, their
 * components in order and named as the binder reads them, led by the type id of a sealed interface's
 * {@link JsonTypeInfo}; the value of a {@link JsonValue} method (the enums); lists; maps with their keys sorted;
 * instants and durations as ISO-8601 text; strings, numbers and booleans. What is null is left out, and what is empty
 * where its component says {@link JsonInclude.Include#NON_EMPTY}.
 */
public final class RecordTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordTrees() {
    }

    /** The tree of a value; {@link IllegalArgumentException} for a type the mirror does not cover. */
    public static JsonNode tree(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Instant || value instanceof Duration) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Collection<?> elements) {
            var array = NODES.arrayNode(elements.size());
            elements.forEach(element -> array.add(tree(element)));
            return array;
        }
        if (value instanceof Map<?, ?> entries) {
            var object = NODES.objectNode();
            var sorted = new TreeMap<String, Object>();
            entries.forEach((key, entry) -> sorted.put(String.valueOf(key), entry));
            sorted.forEach((key, entry) -> {
                if (entry != null) {
                    object.set(key, tree(entry));
                }
            });
            return object;
        }
        var type = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
        var jsonValue = jsonValue(type);
        if (jsonValue != null) {
            return tree(invoke(jsonValue, value));
        }
        if (value instanceof Enum<?> constant) {
            return NODES.textNode(constant.name());
        }
        if (value instanceof Record record) {
            return record(record);
        }
        throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as a tree");
    }

    private static JsonNode number(Number number) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return NODES.numberNode(number.intValue());
        }
        if (number instanceof Long whole) {
            return NODES.numberNode(whole);
        }
        if (number instanceof Float single) {
            return NODES.numberNode(single);
        }
        if (number instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (number instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        return NODES.numberNode(number.doubleValue());
    }

    private static ObjectNode record(Record record) {
        var object = NODES.objectNode();
        var type = record.getClass();
        typeId(type, object);
        for (var component : type.getRecordComponents()) {
            var accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            Object value = invoke(accessor, record);
            var include = accessor.getAnnotation(JsonInclude.class);
            if (value == null || include != null && include.value() == JsonInclude.Include.NON_EMPTY && empty(value)) {
                continue;
            }
            object.set(RecordBinder.jsonName(component), tree(value));
        }
        return object;
    }

    /** The type id a mapper writes first for a record of a sealed interface that names its subtypes. */
    private static void typeId(Class<?> type, ObjectNode object) {
        for (var face : type.getInterfaces()) {
            var info = face.getAnnotation(JsonTypeInfo.class);
            var subtypes = face.getAnnotation(JsonSubTypes.class);
            if (info == null || subtypes == null) {
                continue;
            }
            for (var subtype : subtypes.value()) {
                if (subtype.value() == type) {
                    object.put(info.property(), subtype.name());
                    return;
                }
            }
        }
    }

    private static boolean empty(Object value) {
        return value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()
                || value instanceof String s && s.isEmpty();
    }

    private static Method jsonValue(Class<?> type) {
        for (var method : type.getDeclaredMethods()) {
            if (method.getParameterCount() == 0 && method.isAnnotationPresent(JsonValue.class)) {
                return method;
            }
        }
        return null;
    }

    private static Object invoke(Method method, Object target) {
        try {
            method.setAccessible(true);
            return method.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
