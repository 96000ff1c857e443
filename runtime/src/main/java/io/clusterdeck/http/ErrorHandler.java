package io.clusterdeck.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The root of every chain: maps the exception family, and anything unexpected, to the JSON error body. */
public final class ErrorHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);
    private final HttpHandler next;

    public ErrorHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            Responses.error(exchange, map(e));
        }
    }

    /** The service exception an exception stands for; unexpected ones are logged once and become a 500. */
    public static ServiceException map(Throwable e) {
        if (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            return map(io.clusterdeck.http.CallException.unwrap(e));
        }
        if (e instanceof ServiceException service) {
            return service;
        }
        if (e instanceof RequestTooBigException) {
            return new ServiceException(413, "body_too_large", e.getMessage());
        }
        LOG.error("unexpected failure", e);
        return new ServiceException(500, "internal_error", "unexpected failure: " + e);
    }
}
