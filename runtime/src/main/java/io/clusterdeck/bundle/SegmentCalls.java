package io.clusterdeck.bundle;

import io.clusterdeck.function.CallException;
import io.clusterdeck.function.EndUser;
import io.clusterdeck.function.FunctionContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FunctionContext} of a worker: a call to a function of its own segment runs in this process, any
 * other call goes to {@code remote} (the gateway). Either way the callee sees plain JSON arguments and the caller
 * gets plain JSON back, or a {@link CallException} with the status the call would have over HTTP.
 */
public final class SegmentCalls implements FunctionContext {
    /** Error code of a call whose arguments the callee refused (status 400). */
    public static final String BAD_ARGUMENTS = "bad_arguments";
    /** Error code of a call whose callee threw (status 500). */
    public static final String FUNCTION_FAILED = "function_failed";
    /** Error code of a call to a function that nobody hosts (status 404). */
    public static final String UNKNOWN_FUNCTION = "unknown_function";

    private final Map<String, FunctionInvoker> local;
    private final FunctionContext remote;
    private final EndUser user;

    /**
     * @param local  the functions of this segment by name
     * @param remote how to call every other function; {@code null} when there is nothing outside this process
     */
    public SegmentCalls(Map<String, FunctionInvoker> local, FunctionContext remote) {
        this(local, remote, null);
    }

    /** As {@link #SegmentCalls(Map, FunctionContext)}, for calls made for an end user (null: for none). */
    public SegmentCalls(Map<String, FunctionInvoker> local, FunctionContext remote, EndUser user) {
        this.local = Map.copyOf(local);
        this.remote = remote;
        this.user = user;
    }

    @Override
    public Optional<EndUser> user() {
        return Optional.ofNullable(user);
    }

    @Override
    public Object call(String function, Map<String, ?> arguments) {
        Objects.requireNonNull(function, "function");
        var invoker = local.get(function);
        if (invoker == null) {
            if (remote == null) {
                throw new CallException(function, 404, UNKNOWN_FUNCTION, "no function '" + function + "' in this process");
            }
            return remote.call(function, arguments);
        }
        Map<String, ?> plain = arguments == null ? Map.of() : cast((Map<?, ?>) FunctionJson.toPlain(arguments));
        try {
            return invoker.invoke(plain, this);
        } catch (BadArgumentsException e) {
            throw withCause(new CallException(function, 400, BAD_ARGUMENTS, e.getMessage()), e);
        } catch (FunctionFailedException e) {
            throw withCause(new CallException(function, 500, FUNCTION_FAILED, e.getMessage()), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static CallException withCause(CallException exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }
}
