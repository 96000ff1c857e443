package io.clusterdeck.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.design.Access;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.JavaImplementation;
import io.clusterdeck.design.Latency;
import io.clusterdeck.design.Simulation;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.time.Scheduler;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedFunctionTest {
    private final ExecutorService cpu = Executors.newFixedThreadPool(2);
    private final Scheduler scheduler = Scheduler.threads("test-scheduler", 1);

    @AfterEach
    void stopThreads() {
        cpu.shutdownNow();
    }

    private FunctionCatalog catalog(Function... functions) {
        return new FunctionCatalog(List.of(functions), "worker-test-1", FunctionImplementations.simulated(cpu, scheduler), null);
    }

    private static Function simulated(String name, double cpuMs, double errorRate, int bytes, List<String> calls) {
        return new Function(name, null, Access.PUBLIC, true, calls, new Simulation(cpuMs, Latency.fixed(1), errorRate, bytes), null);
    }

    private static FunctionCall call(String function) {
        return new FunctionCall(function, Json.object(), "request-1", null);
    }

    @Test
    void burnReallyUsesTheCpuTimeAsked() {
        var threads = ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();

        SimulatedFunction.burn(30);

        assertThat(threads.getCurrentThreadCpuTime() - before).isGreaterThanOrEqualTo(30_000_000L);
    }

    @Test
    void resultIsJsonOfAboutTheConfiguredSize() throws Exception {
        var body = catalog(simulated("a/b", 0, 0, 2048, List.of())).invoke(call("a/b")).join();

        assertThat(body.length).isBetween(2000, 2048);
        assertThat(Json.mapper().readTree(body).path("worker").asText()).isEqualTo("worker-test-1");
    }

    @Test
    void functionFailsAtItsErrorRateWithA500() {
        var result = catalog(simulated("a/b", 0, 1.0, 64, List.of())).invoke(call("a/b"));

        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ServiceException.class)
                .hasMessage("'a/b' failed, as it does in 100.0% of calls")
                .extracting(e -> ((ServiceException) e).status()).isEqualTo(500);
    }

    @Test
    void calleeInTheSameWorkerRunsInProcess() {
        var catalog = catalog(simulated("a/outer", 0, 0, 64, List.of("a/inner")), simulated("a/inner", 0, 0, 64, List.of()));

        assertThat(catalog.invoke(call("a/outer")).join()).isNotEmpty();
    }

    @Test
    void calleeFailureFailsTheCaller() {
        var catalog = catalog(simulated("a/outer", 0, 0, 64, List.of("a/inner")), simulated("a/inner", 0, 1.0, 64, List.of()));

        assertThatThrownBy(() -> catalog.invoke(call("a/outer")).join()).cause().hasMessageContaining("'a/inner' failed");
    }

    @Test
    void calleeHostedNowhereIsAnUnknownFunction() {
        var catalog = catalog(simulated("a/outer", 0, 0, 64, List.of("b/elsewhere")));

        assertThatThrownBy(() -> catalog.invoke(call("a/outer")).join()).cause()
                .hasMessage("no function named 'b/elsewhere'");
    }

    @Test
    void javaFunctionAnswersNotImplemented() {
        var java = new Function("a/java", null, Access.PUBLIC, false, List.of(), null,
                new JavaImplementation("examples", "com.example.Orders", "place"));

        assertThatThrownBy(() -> catalog(java).invoke(call("a/java")).join()).cause()
                .isInstanceOf(ServiceException.class)
                .extracting(e -> ((ServiceException) e).code()).isEqualTo("not_implemented");
    }
}
