package io.clusterdeck.http;

/**
 * The one exception family of the services: it carries the HTTP status and a stable error code, and is turned
 * into the JSON error body once, by {@link ErrorHandler}:
 * {@code {"error":{"status":404,"code":"unknown_function","message":"..."}}}.
 */
public class ServiceException extends RuntimeException {
    private final int status;
    private final String code;
    private final int retryAfterSeconds;
    private final String challenge;

    public ServiceException(int status, String code, String message) {
        this(status, code, message, 0, null);
    }

    private ServiceException(int status, String code, String message, int retryAfterSeconds, String challenge) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
    }

    /** The {@code WWW-Authenticate} challenge of a 401 for end users, or null. */
    public String challenge() {
        return challenge;
    }

    /** Seconds a client should wait before it tries again ({@code Retry-After}), or 0. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ServiceException badRequest(String message) {
        return new ServiceException(400, "bad_request", message);
    }

    public static ServiceException unauthorized(String message) {
        return new ServiceException(401, "unauthorized", message);
    }

    /** A 401 that tells the client how to authenticate ({@code WWW-Authenticate}). */
    public static ServiceException unauthorized(String message, String challenge) {
        return new ServiceException(401, "unauthorized", message, 0, challenge);
    }

    public static ServiceException forbidden(String message) {
        return new ServiceException(403, "forbidden", message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(404, "not_found", message);
    }

    public static ServiceException unknownFunction(String function) {
        return new ServiceException(404, "unknown_function", "no function named '" + function + "'");
    }

    public static ServiceException methodNotAllowed(String method) {
        return new ServiceException(405, "method_not_allowed", method + " is not allowed here");
    }

    public static ServiceException tooLarge(long limit) {
        return new ServiceException(413, "body_too_large", "the request body is over the limit of " + limit + " bytes");
    }

    public static ServiceException notImplemented(String message) {
        return new ServiceException(501, "not_implemented", message);
    }

    public static ServiceException unavailable(String code, String message) {
        return new ServiceException(503, code, message);
    }

    /** 503 with {@code Retry-After: 1}: the service is full right now, not broken. */
    public static ServiceException busy(String message) {
        return new ServiceException(503, "busy", message, 1, null);
    }

    public static ServiceException timedOut(String message) {
        return new ServiceException(504, "timed_out", message);
    }
}
