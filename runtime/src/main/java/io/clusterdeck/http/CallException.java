package io.clusterdeck.http;

import java.io.IOException;

/** A call that got no usable response, and how far it got. */
public final class CallException extends IOException {
    private final Failure failure;

    public CallException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    /** A short description of a failed call for logs and event reasons: "connection refused", "timed out", ... */
    public static String describe(Throwable failure) {
        var cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CallException call) {
            if (call.failure == Failure.TIMED_OUT) {
                return "timed out";
            }
            cause = call.getCause() == null ? call : call.getCause();
        }
        if (cause instanceof java.net.ConnectException) {
            var message = cause.getMessage();
            return message == null || message.equalsIgnoreCase("connection refused") ? "connection refused" : message;
        }
        var message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** True when the call never reached its upstream, so it may go elsewhere whatever it does. */
    public boolean neverReached() {
        return failure == Failure.NOT_SENT;
    }
}
