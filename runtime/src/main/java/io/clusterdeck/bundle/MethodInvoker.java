package io.clusterdeck.bundle;

import io.clusterdeck.function.ArgumentException;
import io.clusterdeck.function.FunctionContext;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Calls one method of a loaded bundle, with the bundle's class loader as the thread's context class loader. */
final class MethodInvoker implements FunctionInvoker {
    private final String function;
    private final FunctionMethod method;
    private final Object target;
    private final ClassLoader loader;

    MethodInvoker(String function, FunctionMethod method, Object target, ClassLoader loader) {
        this.function = function;
        this.method = method;
        this.target = target;
        this.loader = loader;
    }

    @Override
    public String function() {
        return function;
    }

    @Override
    public Object invoke(Map<String, ?> arguments, FunctionContext context) {
        Objects.requireNonNull(arguments, "arguments");
        if (context == null && method.parameters().contains(BoundParameter.context())) {
            throw new IllegalArgumentException("function '" + function + "' takes a FunctionContext; none was given");
        }
        Object[] values = ArgumentBinder.bind(function, method.parameters(), arguments, context);
        Object result = call(values);
        try {
            return FunctionJson.toPlain(result);
        } catch (IllegalArgumentException e) {
            throw new FunctionFailedException(function, "function '" + function + "' returned a "
                    + result.getClass().getName() + " that cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private Object call(Object[] values) {
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return method.method().invoke(target, values);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof ArgumentException rejected) {
                throw new BadArgumentsException(function, List.of(rejected.getMessage()), rejected);
            }
            if (thrown instanceof VirtualMachineError error && !(thrown instanceof StackOverflowError)) {
                throw error;
            }
            throw FunctionFailedException.threw(function, thrown);
        } catch (IllegalAccessException e) {
            throw FunctionFailedException.threw(function, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return function + " (" + method.where() + ")";
    }
}
