package io.clusterdeck.service.worker;

import io.clusterdeck.bundle.TestBundles;
import io.clusterdeck.design.Access;
import io.clusterdeck.design.Function;
import io.clusterdeck.design.JavaImplementation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small bundle for the worker's tests: a sum, a failure, and calls within and outside its segment. */
final class CalcBundle {
    static final String SOURCE = """
            package com.example.calc;

            import io.clusterdeck.function.CallException;
            import io.clusterdeck.function.ClusterFunction;
            import io.clusterdeck.function.FunctionContext;
            import java.util.Map;

            public final class Calc {
                @ClusterFunction(name = "calc/add")
                public static long add(long a, long b) {
                    return a + b;
                }

                @ClusterFunction(name = "calc/broken")
                public static void broken() {
                    throw new IllegalStateException("disk full");
                }

                @ClusterFunction(name = "calc/twice", calls = "calc/add")
                public static Object twice(long a, FunctionContext context) {
                    return context.call("calc/add", Map.of("a", a, "b", a));
                }

                @ClusterFunction(name = "calc/ask", calls = "other/answer")
                public static String ask(String function, FunctionContext context) {
                    try {
                        return "answer " + context.call(function, Map.of("question", 6));
                    } catch (CallException e) {
                        return e.status() + " " + e.code() + ": " + e.getMessage();
                    }
                }
            }
            """;

    private CalcBundle() {
    }

    static Path jar(Path folder) throws IOException {
        return TestBundles.jar(folder, "calc.jar", Map.of("com.example.calc.Calc", SOURCE));
    }

    /** The design's function for a method of the bundle. */
    static Function function(String name, String method) {
        return new Function(name, null, Access.PUBLIC, true, List.of(), null,
                new JavaImplementation("calc", "com.example.calc.Calc", method));
    }
}
