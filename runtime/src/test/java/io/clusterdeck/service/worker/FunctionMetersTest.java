package io.clusterdeck.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Design;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.Segment;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.lab.ProfileWindow;
import io.clusterdeck.time.Scheduler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a worker measures of its functions: CPU charged to the function that used it, calls between functions. */
class FunctionMetersTest {
    private static final List<String> HOSTED = List.of("shop/page", "shop/price", "shop/broken");

    private final ExecutorService cpu = Executors.newFixedThreadPool(2);
    private final Scheduler scheduler = Scheduler.threads("test-scheduler", 1);
    private final FunctionMeters meters = new FunctionMeters("worker-shop-1", "shop", HOSTED);

    @AfterEach
    void stopThreads() {
        cpu.shutdownNow();
    }

    /** shop/page burns 20 ms and calls shop/price (5 ms, in-process) and stock/level (through the gateway). */
    private FunctionCatalog catalog() {
        var functions = List.of(
                function("shop/page", 20, 0, List.of("shop/price", "stock/level")),
                function("shop/price", 5, 0, List.of()),
                function("shop/broken", 0, 1.0, List.of()));
        FunctionCaller gateway = (function, arguments, from) -> CompletableFuture.supplyAsync(() -> {
            SimulatedFunction.burn(3); // the callee's own CPU, on another thread: never the caller's
            return Json.object().put("level", 3);
        });
        return new FunctionCatalog(functions, "worker-shop-1",
                FunctionImplementations.simulated(CpuAccount.metered(cpu), scheduler), gateway, meters);
    }

    private static Function function(String name, double cpuMs, double errorRate, List<String> calls) {
        return new Function(name, null, Access.PUBLIC, true, calls, new Simulation(cpuMs, null, errorRate, 64), null);
    }

    private static Design design() {
        return Design.named("shop").withSegments(List.of(Segment.named("shop").withFunctions(HOSTED)));
    }

    private static FunctionCall call(String function) {
        return new FunctionCall(function, Json.object(), "request-1", null);
    }

    @Test
    void eachFunctionIsChargedItsOwnCpuAndNotThatOfTheFunctionsItCalls() {
        var catalog = catalog();
        for (int i = 0; i < 3; i++) {
            catalog.invoke(call("shop/page")).join(); // warm up: first calls load classes on these threads
        }
        var before = List.of(meters.sample());
        for (int i = 0; i < 5; i++) {
            catalog.invoke(call("shop/page")).join();
        }
        var profile = ProfileWindow.between(design(), before, List.of(meters.sample()), 1);

        var page = profile.function("shop/page").orElseThrow();
        var price = profile.function("shop/price").orElseThrow();
        assertThat(page.calls()).isEqualTo(5);
        assertThat(price.calls()).isEqualTo(5);
        assertThat(page.cpuMsPerCall()).as("20 ms of its own, not the 5 of shop/price nor the 3 of stock/level")
                .isBetween(20.0, 24.0);
        assertThat(price.cpuMsPerCall()).isBetween(5.0, 8.0);
        assertThat(page.meanMs()).as("a call lasts at least its own and its callees' work").isGreaterThanOrEqualTo(28.0);
        assertThat(page.p50Ms()).isCloseTo(page.meanMs(), within(page.meanMs()));
    }

    @Test
    void callsBetweenFunctionsAreCountedWithWhetherTheyCrossedTheGateway() {
        var catalog = catalog();
        for (int i = 0; i < 4; i++) {
            catalog.invoke(call("shop/page")).join();
        }

        var calls = meters.sample().calls();

        assertThat(calls).extracting(c -> c.from() + " -> " + c.to() + " " + c.crossesGateway() + " x" + c.count())
                .containsExactlyInAnyOrder("shop/page -> shop/price false x4", "shop/page -> stock/level true x4");
        assertThat(calls).allSatisfy(c -> assertThat(c.nanos()).isPositive());
    }

    @Test
    void failedCallsCountAsErrors() {
        var catalog = catalog();

        var result = catalog.invoke(call("shop/broken"));

        assertThat(result).isCompletedExceptionally();
        assertThat(result.handle((ok, failure) -> failure.getCause()).join()).isInstanceOf(ServiceException.class);
        var broken = meters.sample().functions().stream().filter(f -> f.name().equals("shop/broken")).findFirst().orElseThrow();
        assertThat(broken.calls()).isEqualTo(1);
        assertThat(broken.errors()).isEqualTo(1);
        assertThat(broken.latency()).isNotBlank();
    }
}
