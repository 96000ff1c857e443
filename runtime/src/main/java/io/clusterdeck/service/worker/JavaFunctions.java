package io.clusterdeck.service.worker;

import io.clusterdeck.bundle.BundleException;
import io.clusterdeck.bundle.FunctionInvoker;
import io.clusterdeck.bundle.LoadedBundle;
import io.clusterdeck.design.Function;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Implements the Java functions a worker hosts from its loaded bundles, and hands every other function to
 * {@code others} (the simulated ones). Every Java function is resolved when this is made, so a missing bundle,
 * class or method stops the start instead of failing the first call.
 */
public final class JavaFunctions implements FunctionImplementations {
    private final Map<String, FunctionInvoker> segment = new LinkedHashMap<>();
    private final Executor threads;
    private final FunctionImplementations others;

    /**
     * @param hosted  every function the worker hosts
     * @param bundles the loaded bundles by name
     * @param threads where Java functions run, never an I/O thread
     * @throws BundleException when a hosted Java function is not in the loaded bundles
     */
    public JavaFunctions(List<Function> hosted, Map<String, LoadedBundle> bundles, Executor threads,
                         FunctionImplementations others) {
        for (var function : hosted) {
            if (function.java() != null) {
                var bundle = bundles.get(function.java().bundle());
                if (bundle == null) {
                    throw new BundleException("function '" + function.name() + "' needs bundle '"
                            + function.java().bundle() + "', which is not loaded here; loaded are " + bundles.keySet());
                }
                segment.put(function.name(), bundle.invoker(function));
            }
        }
        this.threads = threads;
        this.others = others;
    }

    @Override
    public FunctionImplementation implement(Function function, String worker) {
        var invoker = segment.get(function.name());
        if (invoker == null) {
            return others.implement(function, worker);
        }
        return new JavaFunction(invoker, segment, threads);
    }
}
