package io.clusterdeck.http;

/** How far a failed call got, which decides whether it may be tried again elsewhere. */
public enum Failure {
    /** It never reached the upstream: the connection was refused or timed out, or the request could not be written. */
    NOT_SENT,
    /** The request was sent, but no whole response came back: the upstream may have run it. */
    NO_RESPONSE,
    /** The response had begun to reach its sink when the connection failed. */
    CUT,
    /** The upstream answered something that is not HTTP/1.1, or a head larger than a buffer. */
    BAD_RESPONSE,
    /** No answer within the call's time (only calls made with a timeout by the client itself). */
    TIMED_OUT
}
