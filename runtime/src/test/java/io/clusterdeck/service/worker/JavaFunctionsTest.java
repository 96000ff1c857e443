package io.clusterdeck.service.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeck.bundle.BundleException;
import io.clusterdeck.bundle.SegmentCalls;
import io.clusterdeck.design.Bundle;
import io.clusterdeck.design.Function;
import io.clusterdeck.http.Json;
import io.clusterdeck.http.ServiceException;
import io.clusterdeck.time.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java functions in a worker's catalog, with the gateway played by a stand-in. */
class JavaFunctionsTest {
    @TempDir
    static Path folder;
    static HostedBundles bundles;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<String> gatewayCalls = new ArrayList<>();

    @BeforeAll
    static void loadTheBundle() throws IOException {
        bundles = HostedBundles.local(List.of(new Bundle("calc", CalcBundle.jar(folder).toString(), null)));
    }

    @AfterAll
    static void closeTheBundle() {
        bundles.close();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** The catalog of a worker hosting the given functions; its gateway answers 42, or fails for other/missing. */
    private FunctionCatalog worker(Function... hosted) {
        FunctionCaller gateway = (function, arguments, from) -> {
            gatewayCalls.add(function + " " + arguments + " from " + from.function());
            if (function.equals("other/missing")) {
                return CompletableFuture.failedFuture(new CalleeException(function, 404, "unknown_function",
                        "no function named 'other/missing'"));
            }
            return CompletableFuture.completedFuture(Json.mapper().valueToTree(42));
        };
        var simulated = FunctionImplementations.simulated(threads, Scheduler.threads("test-scheduler", 1));
        return new FunctionCatalog(List.of(hosted), "worker-calc-1",
                new JavaFunctions(List.of(hosted), bundles.loaded(), threads, simulated), gateway);
    }

    private static String run(FunctionCatalog catalog, String function, String arguments) {
        var call = new FunctionCall(function, Json.requestObject(arguments.getBytes(StandardCharsets.UTF_8)), "r-1", null);
        return new String(catalog.invoke(call).join(), StandardCharsets.UTF_8);
    }

    private static ServiceException failure(FunctionCatalog catalog, String function, String arguments) {
        var call = new FunctionCall(function, Json.requestObject(arguments.getBytes(StandardCharsets.UTF_8)), "r-1", null);
        var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> catalog.invoke(call).join());
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ServiceException.class);
        return (ServiceException) thrown.getCause();
    }

    @Test
    void javaFunctionAnswersItsResultAsJson() {
        var catalog = worker(CalcBundle.function("calc/add", "add"));

        assertThat(run(catalog, "calc/add", "{\"a\": 2, \"b\": 40}")).isEqualTo("42");
    }

    @Test
    void badArgumentsAre400WithTheCodeOfTheBundlePackage() {
        var failure = failure(worker(CalcBundle.function("calc/add", "add")), "calc/add", "{\"a\": \"2\", \"b\": 40}");

        assertThat(failure.status()).isEqualTo(400);
        assertThat(failure.code()).isEqualTo(SegmentCalls.BAD_ARGUMENTS).isEqualTo("bad_arguments");
        assertThat(failure.getMessage()).isEqualTo("function 'calc/add': argument 'a' must be an integer, was the string \"2\"");
    }

    @Test
    void functionThatThrowsIs500WithTheCodeOfTheBundlePackage() {
        var failure = failure(worker(CalcBundle.function("calc/broken", "broken")), "calc/broken", "{}");

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.code()).isEqualTo(SegmentCalls.FUNCTION_FAILED).isEqualTo("function_failed");
        assertThat(failure.getMessage()).isEqualTo("function 'calc/broken' failed: java.lang.IllegalStateException: disk full");
    }

    @Test
    void callToAJavaFunctionOfTheSegmentStaysInProcess() {
        var catalog = worker(CalcBundle.function("calc/twice", "twice"), CalcBundle.function("calc/add", "add"));

        assertThat(run(catalog, "calc/twice", "{\"a\": 21}")).isEqualTo("42");
        assertThat(gatewayCalls).isEmpty();
    }

    @Test
    void callOutsideTheSegmentGoesToTheGatewayInTheNameOfTheCaller() {
        var catalog = worker(CalcBundle.function("calc/ask", "ask"));

        assertThat(run(catalog, "calc/ask", "{\"function\": \"other/answer\"}")).isEqualTo("\"answer 42\"");
        assertThat(gatewayCalls).containsExactly("other/answer {\"question\":6} from calc/ask");
    }

    @Test
    void calleesErrorReachesTheJavaCodeAsACallExceptionWithItsStatusCodeAndMessage() {
        var catalog = worker(CalcBundle.function("calc/ask", "ask"));

        assertThat(run(catalog, "calc/ask", "{\"function\": \"other/missing\"}")).isEqualTo("\"404 unknown_function:"
                + " call to 'other/missing' failed with 404 unknown_function: no function named 'other/missing'\"");
    }

    @Test
    void javaFunctionWhoseBundleIsNotLoadedStopsTheStart() {
        var orphan = new Function("calc/add", null, io.clusterdeck.design.Access.PUBLIC, true, List.of(), null,
                new io.clusterdeck.design.JavaImplementation("pricing", "com.example.calc.Calc", "add"));

        assertThatThrownBy(() -> worker(orphan))
                .isInstanceOf(BundleException.class)
                .hasMessage("function 'calc/add' needs bundle 'pricing', which is not loaded here; loaded are [calc]");
    }
}
