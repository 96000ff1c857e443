package io.clusterdeck.bundle;

import java.lang.reflect.Type;

/**
 * How one method parameter gets its value: from the named JSON argument, or the calling context.
 *
 * @param type the Java type the argument is bound to; for an {@code Optional<T>} parameter, {@code T}
 */
record BoundParameter(Kind kind, String name, Type type) {
    enum Kind {
        /** The argument must be given. */
        REQUIRED,
        /** An {@code Optional} parameter: empty when the argument is not given. */
        OPTIONAL,
        /** A {@code FunctionContext} parameter. */
        CONTEXT
    }

    static BoundParameter context() {
        return new BoundParameter(Kind.CONTEXT, null, null);
    }
}
