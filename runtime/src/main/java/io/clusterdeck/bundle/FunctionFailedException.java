package io.clusterdeck.bundle;

/**
 * The function threw, or returned a value that cannot be written as JSON. The cause is what it threw.
 * A service answers 500.
 */
public final class FunctionFailedException extends InvocationException {
    private static final long serialVersionUID = 1L;

    FunctionFailedException(String function, String message, Throwable cause) {
        super(function, message, cause);
    }

    static FunctionFailedException threw(String function, Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
        return new FunctionFailedException(function, "function '" + function + "' failed: " + message, cause);
    }
}
