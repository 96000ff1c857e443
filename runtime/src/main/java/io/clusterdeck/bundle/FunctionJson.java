package io.clusterdeck.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * How Java functions meet JSON. Arguments bind strictly: no number from a string, no string from a number, no
 * fraction into an integer, no null into a primitive, no unknown field in an object. Results, and the arguments a
 * function passes to {@code FunctionContext.call}, become plain JSON values with Jackson's usual rules (records
 * and beans by their properties).
 */
public final class FunctionJson {
    private static final ObjectMapper MAPPER = strictMapper();

    private FunctionJson() {
    }

    /**
     * A value as plain JSON values: {@code Map<String, Object>}, {@code List<Object>}, {@code String},
     * {@code Number}, {@code Boolean} or {@code null}.
     *
     * @throws IllegalArgumentException when the value cannot be written as JSON
     */
    public static Object toPlain(Object value) {
        // Through bytes, so that a result is the same whether it was returned in-process or read off the wire.
        try {
            return MAPPER.readValue(MAPPER.writeValueAsBytes(value), Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Binds a plain JSON value to a Java type; throws {@link IllegalArgumentException} with Jackson's cause. */
    static Object bind(Object value, Type type) {
        JavaType javaType = MAPPER.getTypeFactory().constructType(type);
        return MAPPER.convertValue(value, javaType);
    }

    private static ObjectMapper strictMapper() {
        var mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
