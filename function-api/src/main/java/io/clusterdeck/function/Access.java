package io.clusterdeck.function;

/** Who may call a cluster function; the same levels as a design's {@code access}. */
public enum Access {
    /** Callable from outside, through the proxy. */
    PUBLIC,
    /** Callable by members of the cluster that hold the cluster key. */
    PROTECTED,
    /** Callable only from other functions in the cluster. */
    PRIVATE
}
