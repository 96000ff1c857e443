package io.clusterdeck.bundle;

import io.clusterdeck.function.FunctionContext;
import java.util.Map;

/** Runs one Java function of a loaded bundle. Safe to use from many threads at once. */
public interface FunctionInvoker {
    /** The name the function is called by. */
    String function();

    /**
     * Calls the function.
     *
     * @param arguments the call's named arguments as plain JSON values (maps, lists, strings, numbers, booleans,
     *                  nulls), as a JSON parser gives them
     * @param context   the calling context, passed to a parameter of type {@link FunctionContext}; may be
     *                  {@code null} for a function that takes none
     * @return the result as plain JSON values: {@code Map}, {@code List}, {@code String}, {@code Number},
     *         {@code Boolean} or {@code null}, the same shape {@link FunctionContext#call} returns
     * @throws BadArgumentsException   when an argument is missing, unknown, of the wrong type, or rejected
     * @throws FunctionFailedException when the function throws, or its result cannot be written as JSON
     */
    Object invoke(Map<String, ?> arguments, FunctionContext context);
}
