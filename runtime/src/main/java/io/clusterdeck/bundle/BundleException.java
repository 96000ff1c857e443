package io.clusterdeck.bundle;

/** A bundle that cannot be scanned or loaded: unreadable, not the expected file, or with broken functions. */
public class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
