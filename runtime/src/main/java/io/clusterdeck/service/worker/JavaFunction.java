package io.clusterdeck.service.worker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterdeck.bundle.BadArgumentsException;
import io.clusterdeck.bundle.FunctionFailedException;
import io.clusterdeck.bundle.FunctionInvoker;
import io.clusterdeck.bundle.FunctionJson;
import io.clusterdeck.bundle.SegmentCalls;
import io.clusterdeck.function.CallException;
import io.clusterdeck.function.FunctionContext;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ServiceException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function of a loaded bundle. It runs on its own threads, because it may block on the calls it makes: calls to
 * Java functions of this segment run in-process, every other call goes through the worker's {@link FunctionCaller}
 * (hosted simulated functions in-process, the rest through the gateway). Its errors carry the same statuses and
 * codes as {@link SegmentCalls}: 400 {@code bad_arguments}, 500 {@code function_failed}.
 */
final class JavaFunction implements FunctionImplementation {
    private static final Logger LOG = LoggerFactory.getLogger(JavaFunction.class);

    private final FunctionInvoker invoker;
    private final Map<String, FunctionInvoker> segment;
    private final Executor threads;

    /**
     * @param segment the Java functions hosted with this one, by name
     * @param threads where calls run, never an I/O thread
     */
    JavaFunction(FunctionInvoker invoker, Map<String, FunctionInvoker> segment, Executor threads) {
        this.invoker = invoker;
        this.segment = Map.copyOf(segment);
        this.threads = threads;
    }

    @Override
    public CompletableFuture<byte[]> invoke(FunctionCall call, FunctionCaller caller) {
        return CompletableFuture.supplyAsync(() -> run(call, caller), threads);
    }

    private byte[] run(FunctionCall call, FunctionCaller caller) {
        var context = new SegmentCalls(segment, others(call, caller), call.user());
        try {
            return Json.bytes(invoker.invoke(plainObject(call.arguments()), context));
        } catch (BadArgumentsException e) {
            throw new ServiceException(400, SegmentCalls.BAD_ARGUMENTS, e.getMessage());
        } catch (FunctionFailedException e) {
            LOG.warn("{}", e.getMessage(), e.getCause());
            throw new ServiceException(500, SegmentCalls.FUNCTION_FAILED, e.getMessage());
        }
    }

    /** Calls that leave the Java functions of this segment, made in the name of the running function. */
    private static FunctionContext others(FunctionCall call, FunctionCaller caller) {
        return (function, arguments) -> {
            ObjectNode body = Json.mapper().valueToTree(FunctionJson.toPlain(arguments == null ? Map.of() : arguments));
            try {
                return FunctionJson.toPlain(caller.call(function, body, call).join());
            } catch (CompletionException e) {
                throw callException(function, e.getCause() == null ? e : e.getCause());
            }
        };
    }

    static CallException callException(String function, Throwable failure) {
        if (failure instanceof CalleeException callee) {
            return new CallException(function, callee.status(), callee.code(), callee.calleeMessage());
        }
        if (failure instanceof ServiceException service) {
            return new CallException(function, service.status(), service.code(), service.getMessage());
        }
        return new CallException(function, 500, "internal_error", io.clusterdeck.http.CallException.describe(failure));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> plainObject(ObjectNode arguments) {
        return (Map<String, ?>) FunctionJson.toPlain(arguments);
    }
}
