package io.clusterdeck.service.worker;

import java.util.concurrent.CompletableFuture;

/**
 * What runs when a worker's function is called: the simulated cost model, or (plugged in through
 * {@link FunctionImplementations}) real code. The result is the JSON response body; a failure is a
 * {@link io.clusterdeck.service.ServiceException} carrying its status.
 */
public interface FunctionImplementation {
    CompletableFuture<byte[]> invoke(FunctionCall call, FunctionCaller caller);
}
