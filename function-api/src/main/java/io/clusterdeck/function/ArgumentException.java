package io.clusterdeck.function;

/**
 * Thrown by a cluster function to reject one of its arguments. The caller gets a "bad arguments" error
 * (HTTP 400) naming the argument, instead of a failure of the function (HTTP 500).
 *
 * <pre>{@code
 * if (quantity < 1) throw new ArgumentException("quantity", "must be at least 1, was " + quantity);
 * }</pre>
 */
public class ArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String argument;

    /**
     * @param argument the name of the rejected argument
     * @param message  the rule it breaks, such as "must be at least 1, was 0"
     */
    public ArgumentException(String argument, String message) {
        super("argument '" + argument + "' " + message);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
