package io.clusterdeck.service.worker;

import io.clusterdeck.http.ServiceException;

/**
 * A function called through the gateway answered with an error. It keeps the callee's own message apart, so that a
 * Java caller sees the same {@link io.clusterdeck.function.CallException} whichever way the call travelled.
 */
public final class CalleeException extends ServiceException {
    private final String calleeMessage;

    public CalleeException(String function, int status, String code, String calleeMessage) {
        super(status, code, "'" + function + "' failed: " + calleeMessage);
        this.calleeMessage = calleeMessage;
    }

    /** The message of the callee's error body, as it answered it. */
    public String calleeMessage() {
        return calleeMessage;
    }
}
