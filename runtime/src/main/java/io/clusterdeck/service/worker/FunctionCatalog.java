package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Function;
import io.clusterdeck.service.Json;
import io.clusterdeck.service.ServiceException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The functions one worker hosts, and the caller they use: a callee hosted here runs in-process, any other goes to
 * {@code remote} (the gateway), or is unknown when there is none.
 */
public final class FunctionCatalog implements FunctionCaller {
    private final Map<String, Function> definitions = new LinkedHashMap<>();
    private final Map<String, FunctionImplementation> implementations = new LinkedHashMap<>();
    private final FunctionCaller remote;

    public FunctionCatalog(List<Function> functions, String worker, FunctionImplementations factory, FunctionCaller remote) {
        for (var function : functions) {
            definitions.put(function.name(), function);
            implementations.put(function.name(), factory.implement(function, worker));
        }
        this.remote = remote;
    }

    public Optional<Function> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    /** Runs a hosted function; the future fails with a {@link ServiceException} when it does. */
    public CompletableFuture<byte[]> invoke(FunctionCall call) {
        var implementation = implementations.get(call.function());
        if (implementation == null) {
            return CompletableFuture.failedFuture(ServiceException.unknownFunction(call.function()));
        }
        try {
            return implementation.invoke(call, this);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<JsonNode> call(String function, ObjectNode arguments, FunctionCall from) {
        if (definitions.containsKey(function)) {
            return invoke(new FunctionCall(function, arguments, from.requestId(), from.function(), from.user()))
                    .thenApply(FunctionCatalog::parse);
        }
        if (remote == null) {
            return CompletableFuture.failedFuture(ServiceException.unknownFunction(function));
        }
        return remote.call(function, arguments, from);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a function returned malformed JSON", e);
        }
    }
}
