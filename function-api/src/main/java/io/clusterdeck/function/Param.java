package io.clusterdeck.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the JSON argument a parameter of a {@link ClusterFunction} is bound from. Needed only when the bundle is
 * not compiled with {@code javac -parameters}, or when the JSON name differs from the Java name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** The argument's name in the call's JSON object. */
    String value();
}
