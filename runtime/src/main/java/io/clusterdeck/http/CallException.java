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

    /** What a future's failure stands for: the cause inside its completion and execution wrappers. */
    public static Throwable unwrap(Throwable failure) {
        var cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Whether a future's failure is a call that never reached its upstream. */
    public static boolean neverReached(Throwable failure) {
        return unwrap(failure) instanceof CallException call && call.neverReached();
    }

    /**
     * How long to wait before sending again a call its upstream never received (a restarting gateway): 25 ms, then
     * doubling, at most 250 ms.
     */
    public static long resendWaitMs(int attempt) {
        return Math.min(250, 25L << Math.min(Math.max(attempt, 1) - 1, 4));
    }

    /** A short description of a failed call for logs and event reasons: "connection refused", "timed out", ... */
    public static String describe(Throwable failure) {
        var cause = unwrap(failure);
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
