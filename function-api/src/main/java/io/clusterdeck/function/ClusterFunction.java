package io.clusterdeck.function;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method of a bundle class as a cluster function.
 *
 * <pre>{@code
 * public final class Pricing {
 *     @ClusterFunction(name = "pricing/tax", access = Access.PRIVATE, idempotent = true,
 *                      description = "Sales tax of an amount in a country.")
 *     public Tax tax(BigDecimal amount, String country) { ... }
 * }
 * }</pre>
 *
 * <p>The method may be static, or an instance method of a class with a public no-argument constructor; one
 * instance per class serves every call, concurrently, so keep it free of per-call state. Its parameters are
 * bound by name from the call's JSON object (the name given by {@link Param}, otherwise the compiled parameter
 * name, which needs {@code javac -parameters}). A parameter of type {@link FunctionContext} receives the
 * calling context instead. The return value is written as JSON; a {@code void} method returns {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ClusterFunction {
    /** The function's name in the cluster, parts separated by '/', such as {@code pricing/quote}. */
    String name();

    /** Who may call it; private unless said otherwise, as in a design. */
    Access access() default Access.PRIVATE;

    /** Whether a call may safely run twice, so the gateway may retry it on another worker after sending it. */
    boolean idempotent() default false;

    /** One sentence for the designer and the monitor. */
    String description() default "";

    /** The functions it calls through {@link FunctionContext#call}; the design draws these calls between segments. */
    String[] calls() default {};

    /**
     * For a public function of a design that signs its callers in: the roles, any one of which lets a caller in
     * (see {@link FunctionContext#user()}); none: anyone may call it.
     */
    String[] roles() default {};
}
