package io.clusterdeck.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleLoaderTest {
    private static final String WRONG = "0000000000000000000000000000000000000000000000000000000000000000";

    @TempDir
    static Path folder;
    static Path shop;

    @BeforeAll
    static void compileTheShop() throws IOException {
        shop = ShopBundle.jar(folder);
    }

    @Test
    void jarWithTheExpectedHashLoads() throws IOException {
        String hash = Sha256.of(shop);

        try (var bundle = BundleLoader.load("shop", shop, hash)) {
            assertThat(bundle.sha256()).isEqualTo(hash);
            assertThat(bundle.functions()).isEqualTo(BundleScanner.scan("shop", shop));
            assertThat(bundle.invokers()).containsOnlyKeys("catalog/add", "catalog/available", "catalog/broken",
                    "catalog/count", "catalog/first", "catalog/stock");
        }
    }

    @Test
    void jarWithAnotherHashIsRefusedNamingBundleExpectedAndActualHash() throws IOException {
        String actual = Sha256.of(shop);

        assertThatThrownBy(() -> BundleLoader.load("shop", shop, WRONG))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'shop' (" + shop + "): SHA-256 mismatch: expected " + WRONG + ", actual " + actual
                        + "; the file is not the bundle the design names");
    }

    @Test
    void malformedExpectedHashIsRefusedBeforeReading() {
        assertThatThrownBy(() -> BundleLoader.load("shop", shop, "ABC"))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'shop' (" + shop + "): the expected SHA-256 'ABC' is not 64 lower-case hex digits");
    }

    @Test
    void withoutAnExpectedHashAnyJarLoadsAndReportsItsHash() throws IOException {
        try (var bundle = BundleLoader.load("shop", shop, null)) {
            assertThat(bundle.sha256()).isEqualTo(Sha256.of(shop));
        }
    }

    @Test
    void designMayCallAFunctionByAnotherNameThroughItsJavaImplementation() {
        try (var bundle = BundleLoader.load("shop", shop, null)) {
            var add = bundle.functions().get(0).withName("math/sum");

            var invoker = bundle.invoker(add);

            assertThat(invoker.function()).isEqualTo("math/sum");
            assertThat(invoker.invoke(Map.of("a", 1, "b", 2), null)).isEqualTo(3);
        }
    }

    @Test
    void designFunctionThatTheBundleDoesNotHaveIsRefused() {
        try (var bundle = BundleLoader.load("shop", shop, null)) {
            var stale = bundle.functions().get(0).withName("math/sum");
            var renamedMethod = new io.clusterdeck.design.Function(stale.name(), null, null, null, null, null,
                    new io.clusterdeck.design.JavaImplementation("shop", "com.example.shop.Catalog", "sum"));

            assertThatThrownBy(() -> bundle.invoker(renamedMethod))
                    .isInstanceOf(BundleException.class)
                    .hasMessageStartingWith("function 'math/sum': bundle 'shop' has no cluster function "
                            + "com.example.shop.Catalog.sum; it has com.example.shop.Catalog.add, ");
        }
    }

    @Test
    void constructorThatThrowsFailsTheLoadNamingTheClass() throws IOException {
        var jar = TestBundles.jar(folder, "fragile.jar", Map.of("com.example.Fragile", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                public class Fragile {
                    public Fragile() { throw new IllegalStateException("no database"); }
                    @ClusterFunction(name = "fragile/read") public String read() { return "x"; }
                }
                """));

        assertThatThrownBy(() -> BundleLoader.load("fragile", jar, null))
                .isInstanceOf(BundleException.class)
                .hasMessage("bundle 'fragile' (" + jar + "): cannot create com.example.Fragile: its constructor threw "
                        + "java.lang.IllegalStateException: no database");
    }

    @Test
    void bundleSeesNoneOfTheRuntimesLibraries() throws IOException {
        var jar = TestBundles.jar(folder, "curious.jar", Map.of("com.example.Curious", """
                package com.example;
                import io.clusterdeck.function.ClusterFunction;
                public class Curious {
                    @ClusterFunction(name = "curious/sees")
                    public static boolean sees(String className) {
                        try {
                            Class.forName(className, false, Curious.class.getClassLoader());
                            return true;
                        } catch (ClassNotFoundException e) {
                            return false;
                        }
                    }
                }
                """));

        try (var bundle = BundleLoader.load("curious", jar, null)) {
            var sees = bundle.invoker("curious/sees").orElseThrow();

            assertThat(sees.invoke(Map.of("className", "java.util.List"), null)).isEqualTo(true);
            assertThat(sees.invoke(Map.of("className", "io.clusterdeck.function.FunctionContext"), null)).isEqualTo(true);
            assertThat(sees.invoke(Map.of("className", "com.fasterxml.jackson.databind.ObjectMapper"), null)).isEqualTo(false);
            assertThat(sees.invoke(Map.of("className", "io.clusterdeck.design.Design"), null)).isEqualTo(false);
        }
    }
}
