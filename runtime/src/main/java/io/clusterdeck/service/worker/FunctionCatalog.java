package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.design.Function;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ServiceException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The functions one worker hosts, and the caller they use: a callee hosted here runs in-process, any other goes to
 * {@code remote} (the gateway), or is unknown when there is none. Every call is measured into the worker's
 * {@link FunctionMeters}: its duration, its outcome, the CPU it used here, and whom it called.
 */
public final class FunctionCatalog implements FunctionCaller {
    private final Map<String, Function> definitions = new LinkedHashMap<>();
    private final Map<String, FunctionImplementation> implementations = new LinkedHashMap<>();
    private final FunctionCaller remote;
    private final FunctionMeters meters;

    /** A catalog measured into meters of its own. */
    public FunctionCatalog(List<Function> functions, String worker, FunctionImplementations factory, FunctionCaller remote) {
        this(functions, worker, factory, remote,
                new FunctionMeters(worker, "", functions.stream().map(Function::name).toList()));
    }

    public FunctionCatalog(List<Function> functions, String worker, FunctionImplementations factory, FunctionCaller remote,
                           FunctionMeters meters) {
        for (var function : functions) {
            definitions.put(function.name(), function);
            implementations.put(function.name(), factory.implement(function, worker));
        }
        this.remote = remote;
        this.meters = meters;
    }

    public FunctionMeters meters() {
        return meters;
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
        var meter = meters.function(call.function());
        long started = System.nanoTime();
        var previous = CpuAccount.enter(meter);
        CompletableFuture<byte[]> result;
        try {
            result = implementation.invoke(call, this);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        } finally {
            CpuAccount.exit(previous);
        }
        return result.whenComplete((answer, failure) -> meter.finished(failure != null, System.nanoTime() - started));
    }

    @Override
    public CompletableFuture<JsonNode> call(String function, ObjectNode arguments, FunctionCall from) {
        if (definitions.containsKey(function)) {
            var calls = meters.calls(from.function(), function, false);
            long started = System.nanoTime();
            return invoke(new FunctionCall(function, arguments, from.requestId(), from.function(), from.user()))
                    .whenComplete((answer, failure) -> calls.record(System.nanoTime() - started))
                    .thenApply(FunctionCatalog::parse);
        }
        if (remote == null) {
            return CompletableFuture.failedFuture(ServiceException.unknownFunction(function));
        }
        var calls = meters.calls(from.function(), function, true);
        long started = System.nanoTime();
        return remote.call(function, arguments, from).whenComplete((answer, failure) -> calls.record(System.nanoTime() - started));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.tree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a function returned malformed JSON", e);
        }
    }
}
