package io.clusterdeck.service.worker;

import java.util.concurrent.CompletableFuture;

/**
 * What runs when a worker's function is called: the simulated cost model, or (plugged in through
 * {@link FunctionImplementations}) real code. The result is the JSON response body; a failure is a
 * {@link io.clusterdeck.http.ServiceException} carrying its status. A call may start on any thread, an I/O
 * thread included, and its answer is written from the thread that completes it: an implementation that burns CPU
 * or blocks moves that work onto its own executor first, and one that does neither answers at once. Calls it makes to other functions go
 * through the given {@link FunctionCaller}.
 */
public interface FunctionImplementation {
    CompletableFuture<byte[]> invoke(FunctionCall call, FunctionCaller caller);
}
