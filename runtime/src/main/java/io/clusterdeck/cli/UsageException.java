package io.clusterdeck.cli;

/** The command was used wrongly (a missing file, a bad option value); exits 2 with one line. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
