package io.clusterdeck.function;

/**
 * A call through {@link FunctionContext#call} that failed: the callee answered with an error, or no worker
 * could take it. A function may catch it to fall back; uncaught, it fails the calling function.
 */
public class CallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int status;
    private final String code;

    /**
     * @param function the callee
     * @param status   the HTTP status of the error, such as 400 for bad arguments or 503 for no healthy worker
     * @param code     the error's code, such as {@code bad_arguments} or {@code no_worker}
     * @param message  the error's message
     */
    public CallException(String function, int status, String code, String message) {
        super("call to '" + function + "' failed with " + status + " " + code + ": " + message);
        this.function = function;
        this.status = status;
        this.code = code;
    }

    public String function() {
        return function;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
