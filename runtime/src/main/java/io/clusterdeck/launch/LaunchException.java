package io.clusterdeck.launch;

/** A launch or a command to a launched cluster that could not be carried out; the message says why. */
public class LaunchException extends RuntimeException {
    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
