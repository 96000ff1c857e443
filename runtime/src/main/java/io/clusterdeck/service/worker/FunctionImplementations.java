package io.clusterdeck.service.worker;

import io.clusterdeck.design.Function;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.time.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Makes the implementation of each function a worker hosts. {@link #simulated} simulates functions that have a cost
 * model and answers 501 {@code not_implemented} for Java functions; {@link JavaFunctions} runs Java functions from
 * loaded bundles and hands the others to it.
 */
public interface FunctionImplementations {
    FunctionImplementation implement(Function function, String worker);

    /** Simulated functions burn CPU on {@code cpu} and wait on {@code scheduler}; Java functions answer 501. */
    static FunctionImplementations simulated(Executor cpu, Scheduler scheduler) {
        return (function, worker) -> {
            if (function.simulate() != null) {
                return new SimulatedFunction(function, worker, cpu, scheduler);
            }
            return (call, caller) -> CompletableFuture.failedFuture(ServiceException.notImplemented(
                    "'" + function.name() + "' is a Java function, which this worker cannot run"));
        };
    }
}
