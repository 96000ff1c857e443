package io.clusterdeck.service.worker;

import java.util.concurrent.CompletableFuture;

/**
 * What runs when a worker's function is called: the simulated cost model, or (plugged in through
 * {@link FunctionImplementations}) real code. The result is the JSON response body; a failure is a
 * {@link io.clusterdeck.service.ServiceException} carrying its status. A call from outside starts on one of the
 * worker's threads, never on an I/O thread; calls from other functions may start on any thread, so an
 * implementation that blocks moves its work onto its own executor first. Calls it makes to other functions go
 * through the given {@link FunctionCaller}.
 */
public interface FunctionImplementation {
    CompletableFuture<byte[]> invoke(FunctionCall call, FunctionCaller caller);
}
