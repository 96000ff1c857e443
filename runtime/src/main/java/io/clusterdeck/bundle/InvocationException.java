package io.clusterdeck.bundle;

/**
 * A call of a Java function that did not produce a result: either its arguments were wrong
 * ({@link BadArgumentsException}, the caller's fault) or the function itself failed
 * ({@link FunctionFailedException}).
 */
public abstract sealed class InvocationException extends RuntimeException
        permits BadArgumentsException, FunctionFailedException {
    private static final long serialVersionUID = 1L;

    private final String function;

    InvocationException(String function, String message, Throwable cause) {
        super(message, cause);
        this.function = function;
    }

    /** The name of the function that was called. */
    public String function() {
        return function;
    }
}
